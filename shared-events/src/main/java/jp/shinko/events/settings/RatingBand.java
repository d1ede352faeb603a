package jp.shinko.events.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One rating of a {@link RatingScheme}, such as {@code A}: given when the achievement rate is
 * at least (or, when not {@code minimumIncluded}, above) its minimum and below the band above.
 *
 * @param label the rating as printed, such as {@code S}
 * @param description what it means, such as 目標値どおり
 * @param minimumPercent the lowest achievement rate in percent; {@code null} for the lowest band
 * @param minimumIncluded whether a rate exactly at the minimum gets this rating
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatingBand(String label, String description, BigDecimal minimumPercent, boolean minimumIncluded) {

    /** The lowest band has no minimum to include, so two lowest bands differ only in label and description. */
    public RatingBand {
        if (minimumPercent == null) {
            minimumIncluded = false;
        }
    }

    /** A band from a minimum upwards. */
    public static RatingBand atLeast(String label, String description, int minimumPercent) {
        return new RatingBand(label, description, BigDecimal.valueOf(minimumPercent), true);
    }

    /** A band strictly above a minimum. */
    public static RatingBand above(String label, String description, int minimumPercent) {
        return new RatingBand(label, description, BigDecimal.valueOf(minimumPercent), false);
    }

    /** The lowest band: everything the others do not take. */
    public static RatingBand rest(String label, String description) {
        return new RatingBand(label, description, null, false);
    }

    /** Whether actual ÷ target reaches this band's minimum, compared exactly (no rounding). */
    boolean admits(BigDecimal target, BigDecimal actual) {
        if (minimumPercent == null) {
            return true;
        }
        int comparison = actual.multiply(BigDecimal.valueOf(100)).compareTo(minimumPercent.multiply(target));
        return comparison > 0 || (comparison == 0 && minimumIncluded);
    }
}
