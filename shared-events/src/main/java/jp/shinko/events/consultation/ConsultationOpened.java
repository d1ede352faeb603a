package jp.shinko.events.consultation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A consultation case opened, by the municipality that brings the question or by the desk for
 * it, or its record corrected: recorded again with a reason, it supersedes the earlier record.
 *
 * @param municipalityCode the government whose desk keeps the case, 130001 for 東京都
 * @param caseId the case
 * @param municipality the municipality that brought the question; absent where the record names none
 * @param question the question as written, line breaks kept
 * @param openedOn the day it was brought
 * @param correctionReason why an earlier record is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "ConsultationOpened", revision = 1)
public record ConsultationOpened(MunicipalityCode municipalityCode, CaseId caseId, MunicipalityCode municipality,
        String question, LocalDate openedOn, String correctionReason) implements ConsultationEvent {

    /** The municipality the case is for, if it names one. */
    @Override
    @JsonIgnore
    public List<MunicipalityCode> participants() {
        return municipality == null ? List.of() : List.of(municipality);
    }

    /** The same record without its reason, to tell whether a new one changes anything. */
    public ConsultationOpened withoutReason() {
        return new ConsultationOpened(municipalityCode, caseId, municipality, question, openedOn, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.consultationOpened(this);
    }
}
