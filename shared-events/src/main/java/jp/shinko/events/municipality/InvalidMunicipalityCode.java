package jp.shinko.events.municipality;

/**
 * A municipality code that is not a national local-government code (JIS X 0402).
 *
 * <p>The message says what a valid code looks like and, for a wrong check digit, which digit
 * the first five digits require.
 */
public final class InvalidMunicipalityCode extends IllegalArgumentException {

    /** Why the code was refused; stable, for callers that map it to an error response. */
    public enum Reason {
        MISSING,
        WRONG_LENGTH,
        NOT_DIGITS,
        WRONG_CHECK_DIGIT
    }

    private final Reason reason;
    private final String rejectedValue;

    InvalidMunicipalityCode(Reason reason, String rejectedValue, String message) {
        super(message);
        this.reason = reason;
        this.rejectedValue = rejectedValue;
    }

    public Reason reason() {
        return reason;
    }

    /** The value as given, or {@code null} when it was missing. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
