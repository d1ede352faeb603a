package jp.shinko.events.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Where a KPI stands against its target, from its baseline and its latest published figure:
 * the one rule every table, history and summary uses.
 *
 * <p>A figure whose reference reaches the target year decides: met or missed. Before that, a
 * figure already at the target is met; otherwise it is on track when it is at least where a
 * straight line from the baseline to the target would be in its reference year (for a value
 * target), or has moved from the baseline the way the target asks (for a sign or direction).
 */
public enum KpiAssessment {
    /** No figure has been published since the baseline. */
    NO_FIGURE("未公表"),
    /** The target is reached. */
    MET("達成"),
    /** Not reached yet, but where it should be by now. */
    ON_TRACK("順調"),
    /** Not reached, and behind where it should be by now. */
    BEHIND("遅れ"),
    /** The target year has passed and the target was not reached. */
    MISSED("未達成");

    private final String japanese;

    KpiAssessment(String japanese) {
        this.japanese = japanese;
    }

    /** As printed in a city's table. */
    public String japanese() {
        return japanese;
    }

    /**
     * @param target the KPI's target
     * @param baseline the figure the plan started from
     * @param latest the latest published figure, if any
     * @param otherLatest for an {@code above-kpi} target, the other KPI's latest figure, if any
     */
    public static KpiAssessment of(KpiTarget target, KpiFigure baseline, Optional<KpiFigure> latest,
            Optional<KpiFigure> otherLatest) {
        if (latest.isEmpty() || target == null) {
            return NO_FIGURE;
        }
        KpiFigure figure = latest.get();
        int year = figure.reference().toYear();
        if (target instanceof KpiTarget.AtLeast atLeast) {
            return valueTarget(figure.value().compareTo(atLeast.value()) >= 0, year >= atLeast.byYear(),
                    figure.value().compareTo(line(baseline, atLeast.value(), atLeast.byYear(), year)) >= 0);
        }
        if (target instanceof KpiTarget.AtMost atMost) {
            return valueTarget(figure.value().compareTo(atMost.value()) <= 0, year >= atMost.byYear(),
                    figure.value().compareTo(line(baseline, atMost.value(), atMost.byYear(), year)) <= 0);
        }
        if (target instanceof KpiTarget.Sign sign) {
            boolean reached = sign.positive() ? figure.value().signum() > 0 : figure.value().signum() < 0;
            return valueTarget(reached, year >= sign.byYear(), moved(baseline, figure, sign.positive()));
        }
        if (target instanceof KpiTarget.Direction direction) {
            boolean moved = moved(baseline, figure, direction.increase());
            return valueTarget(moved && year >= direction.byYear(), year >= direction.byYear(), moved);
        }
        KpiTarget.AboveKpi above = (KpiTarget.AboveKpi) target;
        return otherLatest
                .filter(other -> other.reference().equals(figure.reference()))
                .map(other -> figure.value().compareTo(other.value()) > 0
                        ? (year >= above.fromYear() ? MET : ON_TRACK)
                        : (year >= above.byYear() ? MISSED : BEHIND))
                .orElse(NO_FIGURE);
    }

    private static KpiAssessment valueTarget(boolean reached, boolean targetYearReached, boolean onTheWay) {
        if (reached) {
            return MET;
        }
        if (targetYearReached) {
            return MISSED;
        }
        return onTheWay ? ON_TRACK : BEHIND;
    }

    /** The value a straight line from the baseline to the target passes in a year. */
    private static BigDecimal line(KpiFigure baseline, BigDecimal target, int byYear, int year) {
        int from = baseline.reference().toYear();
        if (byYear <= from) {
            return target;
        }
        BigDecimal share = BigDecimal.valueOf(Math.max(0, year - from))
                .divide(BigDecimal.valueOf(byYear - from), MathContext.DECIMAL64);
        return baseline.value().add(target.subtract(baseline.value()).multiply(share));
    }

    private static boolean moved(KpiFigure baseline, KpiFigure figure, boolean up) {
        int change = figure.value().compareTo(baseline.value());
        return up ? change > 0 : change < 0;
    }
}
