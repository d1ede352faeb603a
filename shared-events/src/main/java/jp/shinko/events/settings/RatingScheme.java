package jp.shinko.events.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;

/**
 * How a municipality turns an annual target and actual into a rating: bands from the highest
 * down, each with a minimum achievement rate (actual ÷ target), the lowest with none.
 *
 * <p>The one place a rating is computed, for the tables, the exports, the cross-city counts
 * and outside consumers alike. Rates are compared exactly, so 89.99…% is never rated as 90%.
 *
 * @param bands from the highest rating to the lowest
 */
public record RatingScheme(List<RatingBand> bands) {

    /**
     * The scheme of the seed tables (Akiruno's 評価指標, seed 004): S from 120%, A from 90%, B
     * above 50%, C at 50% or less; exactly 50% is C. Each description is the city's 詳細 word for
     * word, band and forward-looking judgement together.
     */
    public static final RatingScheme DEFAULT = new RatingScheme(List.of(
            RatingBand.atLeast("S", "目標値以上(120%~)：このまま業務を進めることにより目標値以上の成果を得られる", 120),
            RatingBand.atLeast("A", "目標値どおり(90~120%)：このまま業務を進めることにより目標値どおりの成果を得られる", 90),
            RatingBand.above("B", "要改善(50~90%)：このまま業務を進めることにより目標値を達成することができず、"
                    + "手法等の改善が必要", 50),
            RatingBand.rest("C", "要大幅改善(~50%)：このまま業務を進めることにより目標値を達成することができず、"
                    + "手法等の大幅な改善が必要")));

    /**
     * @throws InvalidField naming the band that makes the scheme unusable
     */
    public RatingScheme {
        if (bands == null || bands.size() < 2) {
            throw new InvalidField("bands", bands == null ? null : bands.size(),
                    "a rating scheme needs at least 2 bands, from the highest rating to the lowest");
        }
        bands = List.copyOf(bands);
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            RatingBand band = bands.get(i);
            String field = "bands[" + i + "]";
            if (band.label() == null || band.label().isBlank()) {
                throw new InvalidField(field + ".label", band.label(), "each band needs a label, such as S");
            }
            if (!labels.add(band.label())) {
                throw new InvalidField(field + ".label", band.label(), "the label " + band.label()
                        + " is used by two bands; each rating needs its own");
            }
            boolean lowest = i == bands.size() - 1;
            if (lowest && band.minimumPercent() != null) {
                throw new InvalidField(field + ".minimumPercent", band.minimumPercent(),
                        "the lowest band takes every rate the others do not, so it has no minimum");
            }
            if (!lowest && (band.minimumPercent() == null || band.minimumPercent().signum() < 0)) {
                throw new InvalidField(field + ".minimumPercent", band.minimumPercent(),
                        "every band but the lowest needs a minimum achievement rate of 0 or more, in percent");
            }
            if (!lowest && i > 0 && band.minimumPercent().compareTo(bands.get(i - 1).minimumPercent()) >= 0) {
                throw new InvalidField(field + ".minimumPercent", band.minimumPercent(), "bands go from the "
                        + "highest rating down, so this minimum must be below " + bands.get(i - 1).minimumPercent());
            }
        }
    }

    /** The band of a label, such as B; empty when the scheme has no such band. */
    public Optional<RatingBand> band(String label) {
        return bands.stream().filter(band -> band.label().equals(label)).findFirst();
    }

    /** The labels, from the highest rating to the lowest, for messages: S, A, B, C. */
    public String labels() {
        return String.join(", ", bands.stream().map(RatingBand::label).toList());
    }

    /**
     * The rating that counts for a year: the city's own judgement where it recorded one (a label
     * of this scheme), otherwise the band the figures fall in; empty when neither exists.
     */
    public Optional<RatingBand> ratingThatCounts(BigDecimal target, BigDecimal actual, String cityRating) {
        return cityRating != null ? band(cityRating) : rate(target, actual);
    }

    /**
     * The scheme in force in a fiscal year: of the schemes adopted (in the order they were
     * adopted), the one adopted last for the latest first year not after it; the default before
     * any.
     */
    public static RatingScheme inForce(List<RatingSchemeAdopted> adopted, FiscalYear year) {
        RatingSchemeAdopted chosen = null;
        for (RatingSchemeAdopted each : adopted) {
            if (!each.fromFiscalYear().isAfter(year)
                    && (chosen == null || !chosen.fromFiscalYear().isAfter(each.fromFiscalYear()))) {
                chosen = each;
            }
        }
        return chosen == null ? DEFAULT : chosen.scheme();
    }

    /** The rating of an actual against a target; empty when either is missing or the target is 0 (no rate exists). */
    public Optional<RatingBand> rate(BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null || target.signum() <= 0) {
            return Optional.empty();
        }
        return bands.stream().filter(band -> band.admits(target, actual)).findFirst();
    }

    /**
     * Actual ÷ target in percent, rounded half up to one decimal place as the tables show it;
     * empty when either is missing or the target is 0.
     */
    public static Optional<BigDecimal> achievementPercent(BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null || target.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP));
    }
}
