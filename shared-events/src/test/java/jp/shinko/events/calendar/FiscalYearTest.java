package jp.shinko.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025", "R7", "r7", "令和7", "令和7年度", "令和７年", "Ｒ７", "FY2025", " 2025 "})
    void readsTheFormsPeopleWrite(String text) {
        assertThat(FiscalYear.parse(text)).isEqualTo(FiscalYear.of(2025));
    }

    @Test
    void readsTheFirstYearOfReiwaWrittenAsGannen() {
        assertThat(FiscalYear.parse("令和元年度")).isEqualTo(FiscalYear.of(2019));
        assertThat(FiscalYear.of(2019).japanese()).isEqualTo("令和元年度");
    }

    @ParameterizedTest
    @CsvSource({"R3,2021", "R5,2023", "R8,2026", "R16,2034"})
    void reiwaYearNIsFiscalYear2018PlusN(String reiwa, int year) {
        assertThat(FiscalYear.parse(reiwa).value()).isEqualTo(year);
        assertThat(FiscalYear.of(year).japanese()).isEqualTo("令和" + reiwa.substring(1) + "年度");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "twenty", "X30", "2025年", "R", "令和", "平成", "25", "R0", "H0", "令和0", "H32"})
    void refusesAnythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> FiscalYear.parse(text))
                .isInstanceOf(InvalidFiscalYear.class)
                .hasMessageContaining("2025, R7 or 令和7");
    }

    @Test
    void refusesAYearOutsideTheRangeKept() {
        assertThatThrownBy(() -> FiscalYear.parse("1988"))
                .isInstanceOf(InvalidFiscalYear.class)
                .hasMessage("a fiscal year from 1989 (平成元年度) to 2099 is expected, not 1988");
        assertThatThrownBy(() -> FiscalYear.parse("S63"))
                .isInstanceOf(InvalidFiscalYear.class)
                .hasMessage("a fiscal year from 1989 (平成元年度) to 2099 is expected, not 1988");
    }

    /** Baselines of plans that start in Reiwa are often Heisei years (平成30年度 = FY2018). */
    @ParameterizedTest
    @CsvSource({"H30, 2018, 平成30年度", "平成30年度, 2018, 平成30年度", "ｈ３０, 2018, 平成30年度",
            "平成元年度, 1989, 平成元年度", "H31, 2019, 令和元年度", "R1, 2019, 令和元年度"})
    void readsAndPrintsTheErasTheJdkKnows(String text, int year, String japanese) {
        assertThat(FiscalYear.parse(text)).isEqualTo(FiscalYear.of(year));
        assertThat(FiscalYear.of(year).japanese()).isEqualTo(japanese);
    }

    @Test
    void runsFromAprilToMarch() {
        FiscalYear r5 = FiscalYear.reiwa(5);

        assertThat(r5.firstDay()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(r5.lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(FiscalYear.containing(LocalDate.of(2024, 3, 31))).isEqualTo(r5);
        assertThat(FiscalYear.containing(LocalDate.of(2024, 4, 1))).isEqualTo(r5.next());
    }
}
