package jp.shinko.events.consultation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The desk's answer to a consultation case; answered again with a reason, it supersedes the
 * earlier answer.
 *
 * @param municipalityCode the government whose desk keeps the case
 * @param caseId the case
 * @param kindOfHelp the kind of help as the desk names it, such as 財政支援へのつなぎ or 取組事例の紹介
 * @param answer the proposal or support given, as written
 * @param outcome what came of it, as written, once known
 * @param participants the municipality the case is for, if it names one
 * @param correctionReason why an earlier answer is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "ConsultationAnswered", revision = 1)
public record ConsultationAnswered(MunicipalityCode municipalityCode, CaseId caseId, String kindOfHelp,
        String answer, String outcome, List<MunicipalityCode> participants, String correctionReason)
        implements ConsultationEvent {

    public ConsultationAnswered {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** The same answer without its reason, to tell whether a new one changes anything. */
    public ConsultationAnswered withoutReason() {
        return new ConsultationAnswered(municipalityCode, caseId, kindOfHelp, answer, outcome, participants, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.consultationAnswered(this);
    }
}
