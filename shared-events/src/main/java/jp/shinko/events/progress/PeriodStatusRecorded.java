package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutQuarter;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * The status of one row of a quarterly progress table (an item and one organisation responsible
 * for it) in a quarter of a fiscal year; a later one for the same quarter supersedes it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param organisation the organisation whose row this is
 * @param fiscalYear the year
 * @param quarter 1 to 4
 * @param symbol a symbol of the municipality's legend, such as ○
 * @param reasonCode from the municipality's list; required in the 4th quarter for symbols that need one
 * @param remark free text the city adds, if any
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "PeriodStatusRecorded", revision = 1)
public record PeriodStatusRecorded(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        String organisation, FiscalYear fiscalYear, Quarter quarter, String symbol, String reasonCode, String remark,
        String correctionReason)
        implements ProgressEvent, AboutEntry, Correctable, AboutQuarter {

    @Override
    public EntryRef entryRef() {
        return new EntryRef.QuarterStatus(itemId, organisation, fiscalYear, quarter);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.periodStatusRecorded(this);
    }
}
