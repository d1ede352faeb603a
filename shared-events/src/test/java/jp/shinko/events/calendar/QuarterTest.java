package jp.shinko.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarterTest {

    @ParameterizedTest
    @ValueSource(strings = {"4", "4期", "第4期", "４", "４期"})
    void readsTheFormsPeopleWrite(String text) {
        assertThat(Quarter.parse(text)).isEqualTo(Quarter.of(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "5期", "Q1", "", "1期目"})
    void refusesAnythingElseSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Quarter.parse(text))
                .isInstanceOf(InvalidQuarter.class)
                .hasMessageStartingWith("a quarter is written 1 to 4 or 1期 to 4期");
    }

    @Test
    void theFourthQuarterEndsInMarchOfTheNextCalendarYear() {
        assertThat(Quarter.of(1).lastDay(FiscalYear.of(2023))).isEqualTo(LocalDate.of(2023, 6, 30));
        assertThat(Quarter.of(4).lastDay(FiscalYear.of(2023))).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Quarter.of(4).isLast()).isTrue();
        assertThat(Quarter.of(3).japanese()).isEqualTo("3期");
    }
}
