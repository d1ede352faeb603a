package jp.shinko.command.problem;

import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.InvalidFiscalYear;
import jp.shinko.events.calendar.InvalidQuarter;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * Reads request fields into the published language's value types, so that a bad value is a
 * 400 naming the field, with the value type's own message.
 */
public final class RequestFields {

    private RequestFields() {
    }

    /** The municipality code in the path, always named {@code code}. */
    public static MunicipalityCode municipalityInPath(String code) {
        try {
            return MunicipalityCode.of(code);
        } catch (InvalidMunicipalityCode invalid) {
            throw new InvalidRequest(new FieldProblem("code", invalid.rejectedValue(), invalid.getMessage()));
        }
    }

    /** An identifier chosen by the client, such as a plan's {@code shoko-2023}, checked against a pattern. */
    public static String identifier(String field, String value, String pattern, String example) {
        if (value == null || !value.matches(pattern)) {
            throw new InvalidRequest(new FieldProblem(field, value, "is required: " + example));
        }
        return value;
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
