package jp.shinko.events.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The time zone people read times in. Instants are stored and published in UTC; anything
 * shown to a person is shown in Japan Standard Time, with its offset.
 */
public final class TokyoTime {

    /** Asia/Tokyo (UTC+09:00, no daylight saving time). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private TokyoTime() {
    }

    /** The instant as Tokyo local time with its offset, e.g. {@code 2026-11-22T13:31:00.123+09:00}. */
    public static OffsetDateTime of(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    /**
     * A time as people give it: ISO 8601 with its offset ({@code 2024-05-01T09:00:00+09:00}), or a
     * date ({@code 2024-05-01}) meaning the start of that day in Tokyo.
     *
     * @throws java.time.format.DateTimeParseException if the text is neither
     */
    public static Instant startOf(String text) {
        return isDate(text) ? LocalDate.parse(text).atStartOfDay(ZONE).toInstant()
                : OffsetDateTime.parse(text).toInstant();
    }

    /**
     * Like {@link #startOf}, but a date means the end of that day in Tokyo: its last microsecond,
     * the finest time the event store records.
     */
    public static Instant endOf(String text) {
        return isDate(text) ? LocalDate.parse(text).plusDays(1).atStartOfDay(ZONE).toInstant()
                .minus(1, ChronoUnit.MICROS) : OffsetDateTime.parse(text).toInstant();
    }

    private static boolean isDate(String text) {
        return text.length() == 10;
    }
}
