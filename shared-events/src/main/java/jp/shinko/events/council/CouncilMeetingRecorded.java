package jp.shinko.events.council;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A council meeting that reviewed a fiscal year's progress, with the documents presented to it.
 * Recorded again with a correction reason, it supersedes what was recorded before.
 *
 * @param municipalityCode the municipality
 * @param meetingId the meeting
 * @param fiscalYear the fiscal year whose progress it reviewed
 * @param council the council as the city names it, e.g. 武蔵野市産業振興審議会
 * @param heldOn the day it was held
 * @param title the meeting as the city names it, e.g. 令和7年度第2回
 * @param documents the tables presented, each pinned to a recorded instant
 * @param correctionReason why an earlier record of the meeting is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "CouncilMeetingRecorded", revision = 1)
public record CouncilMeetingRecorded(MunicipalityCode municipalityCode, MeetingId meetingId, FiscalYear fiscalYear,
        String council, LocalDate heldOn, String title, List<CouncilDocument> documents, String correctionReason)
        implements CouncilEvent, AboutFiscalYear {

    public CouncilMeetingRecorded {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    @Override
    public <R> R accept(CouncilEvent.Visitor<R> visitor) {
        return visitor.councilMeetingRecorded(this);
    }
}
