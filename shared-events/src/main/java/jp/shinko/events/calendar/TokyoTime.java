package jp.shinko.events.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

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
}
