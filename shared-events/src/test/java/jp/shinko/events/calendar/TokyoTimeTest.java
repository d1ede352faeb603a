package jp.shinko.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TokyoTimeTest {

    @Test
    void showsAUtcInstantAsTheNextDayInTokyoWhenItIsPastThreePm() {
        assertThat(TokyoTime.of(Instant.parse("2024-03-31T15:30:00Z")))
                .hasToString("2024-04-01T00:30+09:00");
    }

    @Test
    void aDateAloneStartsAndEndsAtTokyoMidnight() {
        assertThat(TokyoTime.startOf("2024-05-01")).isEqualTo(Instant.parse("2024-04-30T15:00:00Z"));
        assertThat(TokyoTime.endOf("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T14:59:59.999999Z"));
    }

    @Test
    void aTimeWithItsOffsetMeansThatInstantEitherWay() {
        Instant nineInTokyo = Instant.parse("2024-05-01T00:00:00Z");
        assertThat(TokyoTime.startOf("2024-05-01T09:00:00+09:00")).isEqualTo(nineInTokyo);
        assertThat(TokyoTime.endOf("2024-05-01T09:00:00+09:00")).isEqualTo(nineInTokyo);
    }

    @Test
    void aTimeWithoutOffsetIsRefused() {
        assertThatThrownBy(() -> TokyoTime.endOf("2024-05-01T09:00:00")).isInstanceOf(DateTimeParseException.class);
    }
}
