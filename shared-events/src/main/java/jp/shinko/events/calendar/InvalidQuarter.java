package jp.shinko.events.calendar;

/** Text that is not a quarter 1 to 4. */
public final class InvalidQuarter extends IllegalArgumentException {

    private final String rejectedValue;

    InvalidQuarter(String rejectedValue, String message) {
        super(message);
        this.rejectedValue = rejectedValue;
    }

    /** The text as given. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
