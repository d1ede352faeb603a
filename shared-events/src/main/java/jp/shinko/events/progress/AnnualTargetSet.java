package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * An item's annual target (年間目標) for a fiscal year; a later one for the same year supersedes it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param fiscalYear the year
 * @param value zero or more, in the indicator's unit
 * @param unit the indicator's unit
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "AnnualTargetSet", revision = 1)
public record AnnualTargetSet(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, FiscalYear fiscalYear,
        BigDecimal value, String unit, String correctionReason)
        implements ProgressEvent, AboutEntry, Correctable, AboutFiscalYear {

    @Override
    public EntryRef.AnnualFigure entryRef() {
        return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.TARGET);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.annualTargetSet(this);
    }
}
