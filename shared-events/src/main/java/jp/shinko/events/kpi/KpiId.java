package jp.shinko.events.kpi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A KPI's identifier within its plan, such as {@code establishments}; written as a plain
 * string in events, envelopes and URLs.
 *
 * <p>A type of its own so that a KPI's id cannot be passed where an item's is meant. What a new
 * id may look like is a rule of the command API; a stored one is taken as it was written.
 */
public record KpiId(@JsonValue String value) implements Comparable<KpiId> {

    public KpiId {
        Objects.requireNonNull(value, "a KPI id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KpiId of(String value) {
        return new KpiId(value);
    }

    /** The id of a nullable string. */
    public static KpiId ofNullable(String value) {
        return value == null ? null : new KpiId(value);
    }

    /** In the order of the ids' text. */
    @Override
    public int compareTo(KpiId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
