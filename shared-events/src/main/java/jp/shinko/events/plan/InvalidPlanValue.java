package jp.shinko.events.plan;

/** A plan or item value that cannot be recorded, naming the field as the API names it. */
public final class InvalidPlanValue extends IllegalArgumentException {

    private final String field;
    private final transient Object rejectedValue;

    InvalidPlanValue(String field, Object rejectedValue, String message) {
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
