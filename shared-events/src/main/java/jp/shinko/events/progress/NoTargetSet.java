package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * An item has no target for a fiscal year, on purpose, for the reason the city gives (seed 000:
 * 「事業検討段階となるため目標なしとします。」). It fills the year's target cell, so a later target
 * supersedes it and it supersedes an earlier target; such a year is not rated and its actual is
 * never overdue.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param fiscalYear the year
 * @param reason why there is no target, as the city says it
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "NoTargetSet", revision = 1)
public record NoTargetSet(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, FiscalYear fiscalYear,
        String reason, String correctionReason) implements ProgressEvent, AboutEntry, Correctable, AboutFiscalYear {

    @Override
    public EntryRef.AnnualFigure entryRef() {
        return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.TARGET);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.noTargetSet(this);
    }
}
