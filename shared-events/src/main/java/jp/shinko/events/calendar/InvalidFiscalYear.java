package jp.shinko.events.calendar;

/** Text that is not a fiscal year, or a year outside the range the system keeps. */
public final class InvalidFiscalYear extends IllegalArgumentException {

    private final String rejectedValue;

    InvalidFiscalYear(String rejectedValue, String message) {
        super(message);
        this.rejectedValue = rejectedValue;
    }

    /** The text as given. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
