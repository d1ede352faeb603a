package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * An item is measured by an indicator with a unit, such as 参加者数 in 人, and had a baseline
 * actual before the plan (or none: "-").
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param name what is counted, such as 参加者数
 * @param unit such as 人, 件, 回, 講座, 店 or 部
 * @param baselineValue the actual of the baseline year, if there is one
 * @param baselineFiscalYear the baseline year, such as 2021 (R3), when there is a baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "IndicatorDefined", revision = 1)
public record IndicatorDefined(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, String name,
        String unit, BigDecimal baselineValue, FiscalYear baselineFiscalYear) implements ProgressEvent {

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.indicatorDefined(this);
    }
}
