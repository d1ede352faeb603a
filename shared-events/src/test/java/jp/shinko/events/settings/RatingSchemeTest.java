package jp.shinko.events.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingSchemeTest {

    /** Every target, actual and rating of Akiruno's table for R5 to R7 (seeds/004… in the test resources). */
    @ParameterizedTest(name = "target {0}, actual {1} -> {2}")
    @CsvSource({"20,21,A", "30,31,A", "45,17,C", "10,5,C", "15,16,A", "23,10,C", "16,11,B", "19,14,B", "22,16,B",
        "100,81,B", "105,79,B", "110,66,B", "90,118,S", "90,147,S", "100,157,S", "20,21,A", "25,8,C", "30,12,C",
        "1,1,A", "1,1,A", "2,2,A", "40,37,A", "40,59,S", "42,44,A", "100,100,A", "105,94,B", "110,88,B", "20,10,C",
        "25,6,C", "30,6,C", "26,21,B", "29,11,C", "32,21,B", "40,27,B", "50,14,C", "60,12,C", "28000,28000,A",
        "28000,28000,A", "30000,23000,B", "3,3,A", "3,3,A", "5,3,B"})
    void theDefaultSchemeRatesEveryRowOfTheSeedTableAsTheCityDid(int target, int actual, String rating) {
        assertThat(RatingScheme.DEFAULT.rate(BigDecimal.valueOf(target), BigDecimal.valueOf(actual)))
                .hasValueSatisfying(band -> assertThat(band.label()).isEqualTo(rating));
    }

    @Test
    void bandEdgesAreComparedExactly() {
        assertThat(labelOf("120", "144")).isEqualTo("S"); // exactly 120%
        assertThat(labelOf("3", "2.69999")).isEqualTo("B"); // 89.9997%, never rounded up to A
        assertThat(labelOf("3", "2.7")).isEqualTo("A"); // exactly 90%
        assertThat(labelOf("3", "1.50001")).isEqualTo("B"); // just above 50%
    }

    @Test
    void aMissingTargetOrActualHasNoRateAndNoRating() {
        assertThat(RatingScheme.DEFAULT.rate(null, BigDecimal.TEN)).isEmpty();
        assertThat(RatingScheme.achievementPercent(null, BigDecimal.TEN)).isEmpty();
        assertThat(RatingScheme.DEFAULT.rate(BigDecimal.TEN, null)).isEmpty();
        assertThat(RatingScheme.achievementPercent(BigDecimal.TEN, null)).isEmpty();
    }

    @Test
    void aTargetOfZeroHasNoRateAndNoRating() {
        assertThat(RatingScheme.DEFAULT.rate(BigDecimal.ZERO, BigDecimal.TEN)).isEmpty();
        assertThat(RatingScheme.achievementPercent(BigDecimal.ZERO, BigDecimal.TEN)).isEmpty();
    }

    @Test
    void theAchievementRateIsShownToOneDecimalPlace() {
        assertThat(RatingScheme.achievementPercent(BigDecimal.valueOf(45), BigDecimal.valueOf(17)))
                .contains(new BigDecimal("37.8"));
    }

    @Test
    void bandsMustDescend() {
        assertThatThrownBy(() -> new RatingScheme(List.of(RatingBand.atLeast("A", "a", 90),
                RatingBand.atLeast("S", "s", 120), RatingBand.rest("C", "c"))))
                .isInstanceOf(InvalidField.class)
                .hasMessage("bands go from the highest rating down, so this minimum must be below 90")
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("bands[1].minimumPercent");
    }

    @Test
    void theLowestBandHasNoMinimumAndTheOthersDo() {
        assertThatThrownBy(() -> new RatingScheme(List.of(RatingBand.atLeast("A", "a", 90),
                RatingBand.atLeast("C", "c", 0))))
                .isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("bands[1].minimumPercent");
        assertThatThrownBy(() -> new RatingScheme(List.of(RatingBand.rest("A", "a"), RatingBand.rest("C", "c"))))
                .isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("bands[0].minimumPercent");
    }

    @Test
    void labelsAreUnique() {
        assertThatThrownBy(() -> new RatingScheme(List.of(RatingBand.atLeast("A", "a", 90),
                RatingBand.rest("A", "c"))))
                .isInstanceOf(InvalidField.class)
                .hasMessage("the label A is used by two bands; each rating needs its own");
    }

    private static String labelOf(String target, String actual) {
        return RatingScheme.DEFAULT.rate(new BigDecimal(target), new BigDecimal(actual)).orElseThrow().label();
    }

    @Test
    void theSchemeInForceIsTheLastAdoptedForTheLatestFirstYearNotAfterTheYear() {
        RatingScheme strict = new RatingScheme(List.of(RatingBand.atLeast("A", "達成", 100),
                RatingBand.rest("C", "未達成")));
        RatingScheme lenient = new RatingScheme(List.of(RatingBand.atLeast("A", "達成", 80),
                RatingBand.rest("C", "未達成")));
        List<RatingSchemeAdopted> adopted = List.of(
                new RatingSchemeAdopted(MunicipalityCode.of("132284"), FiscalYear.reiwa(7), strict),
                new RatingSchemeAdopted(MunicipalityCode.of("132284"), FiscalYear.reiwa(5), RatingScheme.DEFAULT),
                new RatingSchemeAdopted(MunicipalityCode.of("132284"), FiscalYear.reiwa(7), lenient));

        assertThat(RatingScheme.inForce(adopted, FiscalYear.reiwa(4))).isEqualTo(RatingScheme.DEFAULT);
        assertThat(RatingScheme.inForce(adopted, FiscalYear.reiwa(6))).isEqualTo(RatingScheme.DEFAULT);
        assertThat(RatingScheme.inForce(adopted, FiscalYear.reiwa(8))).as("adopted again for R7").isEqualTo(lenient);
    }

    @Test
    void theCitysOwnRatingCountsOverTheBandItsFiguresFallIn() {
        assertThat(RatingScheme.DEFAULT.ratingThatCounts(new BigDecimal("45"), new BigDecimal("44"), null)
                .map(RatingBand::label)).contains("A");
        assertThat(RatingScheme.DEFAULT.ratingThatCounts(new BigDecimal("45"), new BigDecimal("44"), "B")
                .map(RatingBand::label)).contains("B");
        assertThat(RatingScheme.DEFAULT.ratingThatCounts(null, null, "C").map(RatingBand::label)).contains("C");
    }
}
