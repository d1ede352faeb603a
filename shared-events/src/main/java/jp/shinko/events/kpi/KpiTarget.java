package jp.shinko.events.kpi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/**
 * What a KPI aims for; not always a number (Tama's seven show five kinds). The {@code kind}
 * names the shape in JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = KpiTarget.AtLeast.class, name = "at-least"),
    @JsonSubTypes.Type(value = KpiTarget.AtMost.class, name = "at-most"),
    @JsonSubTypes.Type(value = KpiTarget.AboveKpi.class, name = "above-kpi"),
    @JsonSubTypes.Type(value = KpiTarget.Sign.class, name = "sign"),
    @JsonSubTypes.Type(value = KpiTarget.Direction.class, name = "direction")})
public sealed interface KpiTarget {

    /** The (last) year the target is for. */
    int byYear();

    /** "3,900 or more by 2034": the value or more in the year. */
    record AtLeast(BigDecimal value, int byYear) implements KpiTarget {
    }

    /** The value or less in the year. */
    record AtMost(BigDecimal value, int byYear) implements KpiTarget {
    }

    /** "opening rate above closing rate in 2031–2034": above another KPI of the plan in every year of a period. */
    record AboveKpi(KpiId otherKpiId, int fromYear, int byYear) implements KpiTarget {
    }

    /** "aim for net inflow": positive (or negative) in the year. */
    record Sign(boolean positive, int byYear) implements KpiTarget {
    }

    /** "aim for an increase": above (or below) the baseline in the year. */
    record Direction(boolean increase, int byYear) implements KpiTarget {
    }
}
