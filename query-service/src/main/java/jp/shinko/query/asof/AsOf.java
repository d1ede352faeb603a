package jp.shinko.query.asof;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.TokyoTime;

/**
 * The recorded time a query answers as of, for auditors: the records exactly as they stood
 * then, later entries and corrections left out. Business time (the fiscal year a figure is
 * about) is chosen separately, so "FY2023 as known on 2024-05-01" is one question.
 */
public final class AsOf {

    /** The query parameter. */
    public static final String PARAMETER = "asOf";

    /** What the parameter means, for the API description. */
    public static final String DESCRIPTION = "Answer as the records stood at this recorded time: ISO 8601 with its "
            + "offset (2024-05-01T12:00:00+09:00), or a date meaning the end of that day in Asia/Tokyo. Entries and "
            + "corrections recorded later are left out; the rules (rating scheme, deadlines) in force then apply.";

    /** The response header that says which instant the answer is as of, in Tokyo time. */
    public static final String HEADER = "Shinko-As-Of";

    /** The latest instant one may ask about; PostgreSQL keeps times only up to then. */
    public static final Instant LATEST = Instant.parse("9999-12-31T14:59:59.999999Z");

    /** The earliest: nothing was recorded before, and Tokyo's clocks kept local mean time before 1888. */
    public static final Instant EARLIEST = Instant.parse("1899-12-31T15:00:00Z");

    private static final String ALLOWED = "a time in ISO 8601 with its offset, such as 2024-05-01T12:00:00+09:00, "
            + "or a date such as 2024-05-01 (the end of that day in Tokyo), from the year 1900 to 9999";

    private AsOf() {
    }

    /**
     * A recorded time given in another parameter the same way: ISO 8601 with its offset, or a
     * date meaning the end of that day in Tokyo.
     *
     * @throws InvalidField naming the parameter if the text is neither
     */
    public static Instant parse(String parameter, String text) {
        Instant instant;
        try {
            instant = TokyoTime.endOf(text.strip());
        } catch (DateTimeParseException invalid) {
            throw new InvalidField(parameter, text, ALLOWED);
        }
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
            throw new InvalidField(parameter, text, ALLOWED);
        }
        return instant;
    }
}
