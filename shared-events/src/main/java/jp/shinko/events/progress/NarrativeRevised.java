package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * One text of an item for a fiscal year now says this; what it said before stays in history.
 * The texts of one item and year are one cell ({@link EntryRef.ReviewSheet}).
 *
 * <p>Revision 2: the field may also be 目標とする姿 or 実施状況・課題 (Akiruno's text columns).
 * Revision 1 is read as revision 2.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item (a measure)
 * @param fiscalYear the year the sheet is for
 * @param field which text
 * @param text what it says; empty when the city cleared it
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "NarrativeRevised", revision = 2)
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
