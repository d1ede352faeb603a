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
 * An item's actual (実績) for a fiscal year; a later one for the same year supersedes it. The
 * rating is not recorded: it is derived from target and actual by the municipality's scheme.
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
@EventType(name = "AnnualActualRecorded", revision = 1)
public record AnnualActualRecorded(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        FiscalYear fiscalYear, BigDecimal value, String unit, String correctionReason)
        implements ProgressEvent, AboutEntry, Correctable, AboutFiscalYear {

    @Override
    public EntryRef.AnnualFigure entryRef() {
        return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.ACTUAL);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.annualActualRecorded(this);
    }
}
