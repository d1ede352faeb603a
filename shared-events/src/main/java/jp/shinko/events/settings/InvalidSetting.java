package jp.shinko.events.settings;

/**
 * A municipality's setting that cannot work, naming the field (as in the API, such as
 * {@code bands[2].minimumPercent}) and what it allows.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private final String field;
    private final transient Object rejectedValue;

    InvalidSetting(String field, Object rejectedValue, String message) {
        super(message);
        this.field = field;
        this.rejectedValue = rejectedValue;
    }

    public String field() {
        return field;
    }

    public Object rejectedValue() {
        return rejectedValue;
    }
}
