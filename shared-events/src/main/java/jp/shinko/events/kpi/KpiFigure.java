package jp.shinko.events.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;
import jp.shinko.events.InvalidField;

/**
 * A figure of a KPI for a reference year or period, possibly with a second figure printed beside
 * it (a rate of 0.0% and the amount of 298,321 百万円).
 *
 * @param value the figure, in the KPI's unit; negative for a net outflow
 * @param reference the year or period it describes
 * @param secondaryValue the figure printed beside it, if any
 * @param secondaryUnit the unit of that figure, such as 百万円
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiFigure(BigDecimal value, ReferencePeriod reference, BigDecimal secondaryValue,
        String secondaryUnit) {

    /**
     * @throws InvalidField when the value or reference is missing, or a second figure has no unit
     */
    public KpiFigure {
        if (value == null) {
            throw new InvalidField("value", null, "a figure needs its value");
        }
        Objects.requireNonNull(reference, "reference");
        if ((secondaryValue == null) != (secondaryUnit == null || secondaryUnit.isBlank())) {
            throw new InvalidField("secondaryUnit", secondaryUnit, "a second figure and its unit come together");
        }
    }
}
