package jp.shinko.command.consultation;

import java.time.LocalDate;
import jp.shinko.command.access.CityWideChange;
import jp.shinko.command.access.SharedRecordPart;
import jp.shinko.events.consultation.CaseId;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a consultation case, handled by its record, which the desk's government keeps. */
public final class ConsultationCommands {

    private ConsultationCommands() {
    }

    /** A command on one case: its record is named by its keeper and case id. */
    public interface CaseCommand {

        MunicipalityCode keeper();

        CaseId caseId();

        @TargetAggregateIdentifier
        default String caseRecordId() {
            return Consultation.recordId(keeper(), caseId());
        }
    }

    /**
     * Open a case, or correct its record with a reason: sent by an editor of the municipality that
     * brings the question, or by the desk's editors for it.
     *
     * @param municipality the municipality that brings the question; none for a case the desk records without one
     * @param today the day when sent: no case is brought after it
     */
    public record OpenConsultation(MunicipalityCode keeper, CaseId caseId, MunicipalityCode municipality,
            String question, LocalDate openedOn, String correctionReason, LocalDate today)
            implements CaseCommand, SharedRecordPart {

        @Override
        public MunicipalityCode part() {
            return municipality;
        }

        @Override
        public boolean keeperMayWrite() {
            return true;
        }
    }

    /** Answer a case, or correct the answer with a reason: sent by the desk's editors. */
    public record AnswerConsultation(MunicipalityCode keeper, CaseId caseId, String kindOfHelp, String answer,
            String outcome, String correctionReason) implements CaseCommand, CityWideChange {

        @Override
        public MunicipalityCode municipalityCode() {
            return keeper;
        }
    }
}
