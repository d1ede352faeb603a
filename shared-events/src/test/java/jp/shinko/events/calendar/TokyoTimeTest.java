package jp.shinko.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokyoTimeTest {

    @Test
    void showsAUtcInstantAsTheNextDayInTokyoWhenItIsPastThreePm() {
        assertThat(TokyoTime.of(Instant.parse("2024-03-31T15:30:00Z")))
                .hasToString("2024-04-01T00:30+09:00");
    }
}
