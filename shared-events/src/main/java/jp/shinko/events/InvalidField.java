package jp.shinko.events;

/**
 * A value of the published language that cannot be recorded, naming the field as the API
 * names it (such as {@code bands[2].minimumPercent}) and what it allows, so that the API can
 * answer with that field without knowing which value type refused it.
 */
public final class InvalidField extends IllegalArgumentException {

    private final String field;
    private final transient Object rejectedValue;

    public InvalidField(String field, Object rejectedValue, String message) {
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
