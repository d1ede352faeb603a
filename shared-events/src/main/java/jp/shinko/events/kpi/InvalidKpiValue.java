package jp.shinko.events.kpi;

/** A KPI value that cannot be recorded, naming the field as the API names it. */
public final class InvalidKpiValue extends IllegalArgumentException {

    private final String field;
    private final transient Object rejectedValue;

    InvalidKpiValue(String field, Object rejectedValue, String message) {
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
