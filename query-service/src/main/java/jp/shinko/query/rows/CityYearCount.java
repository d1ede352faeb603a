package jp.shinko.query.rows;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.rows.ProgressRow.Status;

/**
 * One number of the cross-city summary: how many items of a municipality's fiscal year have a
 * rating (kind {@value #RATING}, quarter 0, label the band or {@value #NOT_RATED}), or how many of
 * its rows have a status symbol in a quarter (kind {@value #STATUS}, label the symbol).
 *
 * <p>{@link #of} says what one row counts as; the live projection keeps the sums in
 * {@code query.city_year_count} as rows change, and an answer for a past instant adds up the rows
 * it folded, so the two cannot disagree.
 *
 * @param municipalityCode the municipality
 * @param fiscalYear the fiscal year
 * @param kind {@value #RATING} or {@value #STATUS}
 * @param quarter the quarter of a status, 1 to 4; 0 for a rating
 * @param label the rating band's label, {@value #NOT_RATED}, or the status symbol
 * @param count how many
 */
public record CityYearCount(String municipalityCode, int fiscalYear, String kind, int quarter, String label,
        long count) {

    public static final String RATING = "rating";
    public static final String STATUS = "status";
    /** A figure without an actual, or with a target of 0: no rating counts. */
    public static final String NOT_RATED = "未評価";

    /**
     * What a count is of, without the number, in the order counts are listed. Compared field by
     * field: a text key made with {@code String.format} for every changed row was a tenth of the
     * query service's work in a rebuild (JFR, BENCHMARKS.md tuning log 30).
     */
    private static final Comparator<CityYearCount> BY_PLACE = Comparator.comparing(CityYearCount::municipalityCode)
            .thenComparingInt(CityYearCount::fiscalYear)
            .thenComparing(CityYearCount::kind)
            .thenComparingInt(CityYearCount::quarter)
            .thenComparing(count -> Objects.requireNonNullElse(count.label(), ""));

    /**
     * What a row counts as, under its municipality's settings (the rating scheme in force in the
     * figure's year): one item with a rating, one row with a status symbol, or nothing.
     */
    public static Optional<CityYearCount> of(ProgressRow row, Settings settings) {
        if (row instanceof Figure figure) {
            String label = settings.schemeFor(figure.fiscalYear())
                    .ratingThatCounts(figure.target(), figure.actual(), figure.cityRating())
                    .map(RatingBand::label).orElse(NOT_RATED);
            return Optional.of(new CityYearCount(figure.municipalityCode().value(), figure.fiscalYear().value(),
                    RATING, 0, label, 1));
        }
        if (row instanceof Status status) {
            return Optional.of(new CityYearCount(status.municipalityCode().value(), status.fiscalYear().value(),
                    STATUS, status.quarter().number(), status.symbol(), 1));
        }
        return Optional.empty();
    }

    /** Whether rows of this kind count in the summary. */
    static boolean counts(String rowKind) {
        return rowKind.equals(RowKey.FIGURE) || rowKind.equals(RowKey.STATUS);
    }

    /** The same count with another number. */
    CityYearCount times(long number) {
        return new CityYearCount(municipalityCode, fiscalYear, kind, quarter, label, count * number);
    }

    /** The counts added up by place, in the order of municipality, year, kind, quarter and label; none of 0. */
    public static List<CityYearCount> sum(Collection<CityYearCount> counts) {
        Map<CityYearCount, CityYearCount> sums = new TreeMap<>(BY_PLACE);
        for (CityYearCount count : counts) {
            sums.merge(count, count, (sum, more) -> sum.plus(more.count));
        }
        return sums.values().stream().filter(count -> count.count != 0).toList();
    }

    private CityYearCount plus(long more) {
        return new CityYearCount(municipalityCode, fiscalYear, kind, quarter, label, count + more);
    }
}
