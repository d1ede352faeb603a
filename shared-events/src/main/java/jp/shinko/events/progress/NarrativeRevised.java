package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * One field of an item's review sheet for a fiscal year now says this; what it said before
 * stays in history.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item (a measure)
 * @param fiscalYear the year the sheet is for
 * @param field which of the four fields
 * @param text what it says; empty when the city cleared it
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "NarrativeRevised", revision = 1)
public record NarrativeRevised(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        FiscalYear fiscalYear, NarrativeField field, String text, String correctionReason)
        implements ProgressEvent, AboutEntry, Correctable, AboutFiscalYear {

    @Override
    public EntryRef.ReviewSheet entryRef() {
        return new EntryRef.ReviewSheet(itemId, fiscalYear);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.narrativeRevised(this);
    }
}
