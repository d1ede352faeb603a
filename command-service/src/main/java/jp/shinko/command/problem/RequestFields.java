package jp.shinko.command.problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.InvalidFiscalYear;
import jp.shinko.events.calendar.InvalidQuarter;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;

/**
 * Reads request fields into the published language's value types, so that a bad value is a
 * 400 naming the field, with the value type's own message.
 */
public final class RequestFields {

    /**
     * What the ids a client chooses within a municipality or plan look like (items, KPIs,
     * organisations, council meetings and opinions): 1 to 64 letters, digits, '.', '_' and '-',
     * starting with a letter or digit.
     */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** What a plan's id may look like. */
    public static final String PLAN_ID_RULE = "1 to 40 lower-case letters, digits and hyphens, e.g. shoko-2023";

    private RequestFields() {
    }

    /** An identifier chosen by the client, such as a plan's {@code shoko-2023}, checked against a pattern. */
    public static String identifier(String field, String value, String pattern, String example) {
        if (value == null || !value.matches(pattern)) {
            throw new InvalidRequest(new FieldProblem(field, value, "is required: " + example));
        }
        return value;
    }

    /** A plan's id as the command API takes a new one. */
    public static PlanId planId(String field, String value) {
        return PlanId.of(identifier(field, value, "[a-z0-9][a-z0-9-]{0,39}", PLAN_ID_RULE));
    }

    /** A council meeting's id as the command API takes a new one. */
    public static MeetingId meetingId(String field, String value) {
        return MeetingId.of(identifier(field, value, ID,
                "1 to 64 letters, digits, '.', '_' and '-', e.g. shingikai-2025-2"));
    }

    /**
     * A municipality's national code with its check digit, such as 132039.
     *
     * @throws InvalidRequest naming the field when it is missing or not a valid code
     */
    public static MunicipalityCode municipalityCode(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(new FieldProblem(field, value, "is required: a 6-digit municipality code with "
                    + "its check digit, e.g. 132039"));
        }
        try {
            return MunicipalityCode.of(value.strip());
        } catch (InvalidMunicipalityCode invalid) {
            throw new InvalidRequest(new FieldProblem(field, value, invalid.getMessage()));
        }
    }

    /** A date written as ISO 8601, such as 2024-06-20. */
    public static LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidRequest(new FieldProblem(field, text, "is required: a date such as 2024-06-20"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(new FieldProblem(field, text, "is a date such as 2024-06-20"));
        }
    }

    /** An instant written as ISO 8601 with its offset, such as 2025-06-20T10:00:00+09:00. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest(new FieldProblem(field, text,
                    "is required: an instant with its offset, such as 2025-06-20T10:00:00+09:00"));
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(new FieldProblem(field, text,
                    "is an instant with its offset, such as 2025-06-20T10:00:00+09:00 or 2025-06-20T01:00:00Z"));
        }
    }

    /**
     * A text field, stripped; {@code null} when blank and not required.
     *
     * @throws InvalidRequest when it is required and blank, or longer than {@code maxLength} characters
     */
    public static String text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidRequest(new FieldProblem(field, value, "is required"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new InvalidRequest(new FieldProblem(field, value, "has at most " + maxLength + " characters"));
        }
        return stripped;
    }

    /**
     * A decimal number within a field's range: from {@code min} to under {@code maxExclusive},
     * with at most {@code maxScale} decimal places (not counting trailing zeros), kept as written
     * ({@code 0.0} stays {@code 0.0}, as a city prints a rate).
     *
     * @throws InvalidRequest when it is missing (and required) or outside the range, saying the range
     */
    public static BigDecimal decimal(String field, BigDecimal value, BigDecimal min, BigDecimal maxExclusive,
            int maxScale, boolean required) {
        String rule = "a number from " + min.toPlainString() + " to under " + maxExclusive.toPlainString()
                + " with at most " + maxScale + " decimal places";
        if (value == null) {
            if (required) {
                throw new InvalidRequest(new FieldProblem(field, null, "is required: " + rule));
            }
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.compareTo(min) < 0 || stripped.compareTo(maxExclusive) >= 0 || stripped.scale() > maxScale) {
            throw new InvalidRequest(new FieldProblem(field, value.toString(), "is " + rule));
        }
        return value;
    }

    /** A version sent back as {@code expectedVersion}: 0 or more, or none. */
    public static Long version(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidRequest(new FieldProblem(field, value, "is a version as answered before: 0 or more"));
        }
        return value;
    }

    /**
     * A list of at most {@code max} entries, none of them null; empty when none was sent.
     *
     * @throws InvalidRequest when it is longer, or has a null entry
     */
    public static <T> List<T> list(String field, List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new InvalidRequest(new FieldProblem(field, values.size() + " entries", "has at most " + max
                    + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidRequest(new FieldProblem(field + "[" + i + "]", null, "is required, not null"));
            }
        }
        return values;
    }

    /** A quarter written 1 to 4 or 1期 to 4期. */
    public static Quarter quarter(String field, String text) {
        try {
            return Quarter.parse(text);
        } catch (InvalidQuarter invalid) {
            throw new InvalidRequest(new FieldProblem(field, invalid.rejectedValue(), invalid.getMessage()));
        }
    }

    /** A fiscal year written 2025, R7 or 令和7. */
    public static FiscalYear fiscalYear(String field, String text) {
        try {
            return FiscalYear.parse(text);
        } catch (InvalidFiscalYear invalid) {
            throw new InvalidRequest(new FieldProblem(field, invalid.rejectedValue(), invalid.getMessage()));
        }
    }
}
