package jp.shinko.command.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.CouncilDocument;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a municipality's council year, handled by the municipality. */
public final class CouncilCommands {

    private CouncilCommands() {
    }

    /**
     * Record a council meeting that reviewed a fiscal year, or correct its record.
     *
     * @param code the municipality
     * @param meetingId the meeting
     * @param fiscalYear the fiscal year it reviewed
     * @param council the council as the city names it
     * @param heldOn the day it was held
     * @param title the meeting as the city names it, if it does
     * @param documents the tables presented, each pinned to a recorded instant
     * @param correctionReason why an earlier record is corrected; none the first time
     * @param now when the command is sent: no document is pinned after it, no meeting held after its day
     */
    public record RecordCouncilMeeting(@TargetAggregateIdentifier MunicipalityCode code, MeetingId meetingId,
            FiscalYear fiscalYear, String council, LocalDate heldOn, String title, List<CouncilDocument> documents,
            String correctionReason, Instant now) implements CityWideChange {

        @Override
        public MunicipalityCode municipalityCode() {
            return code;
        }
    }

    /**
     * Record an opinion the council gave at a meeting, with the city's response once it gives one.
     *
     * @param code the municipality
     * @param meetingId the meeting
     * @param opinionId the opinion within the meeting
     * @param opinion the council's opinion
     * @param response the city's response, if given
     * @param correctionReason why an earlier record of the opinion or response is corrected
     */
    public record RecordCouncilOpinion(@TargetAggregateIdentifier MunicipalityCode code, MeetingId meetingId,
            String opinionId, String opinion, String response, String correctionReason) implements CityWideChange {

        @Override
        public MunicipalityCode municipalityCode() {
            return code;
        }
    }
}
