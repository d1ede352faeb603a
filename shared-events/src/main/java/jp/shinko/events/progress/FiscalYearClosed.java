package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;

/**
 * A fiscal year of a plan is closed, usually after its report to the council: from now on a
 * change to that year's entries is a correction with a reason.
 *
 * <p>Revision 2: the council meeting the year was reported to, when the city names it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param fiscalYear the year closed
 * @param councilReportedOn when the year was reported to the council, if given (the day of the meeting named)
 * @param councilMeetingId the council meeting that reviewed the year, if named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "FiscalYearClosed", revision = 2)
public record FiscalYearClosed(MunicipalityCode municipalityCode, PlanId planId, FiscalYear fiscalYear,
        LocalDate councilReportedOn, MeetingId councilMeetingId)
        implements ProgressEvent, AboutFiscalYear {

    /** A year closed without naming a council meeting, as revision 1 recorded them. */
    public FiscalYearClosed(MunicipalityCode municipalityCode, PlanId planId, FiscalYear fiscalYear,
            LocalDate councilReportedOn) {
        this(municipalityCode, planId, fiscalYear, councilReportedOn, null);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.fiscalYearClosed(this);
    }
}
