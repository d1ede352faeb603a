package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A plan's identifier within its municipality, such as {@code tama-2022}; written as a plain
 * string in events, envelopes and URLs.
 *
 * <p>A type of its own so that a plan's id cannot be passed where an item's is meant. What a new
 * id may look like is a rule of the command API; a stored one is taken as it was written.
 */
public record PlanId(@JsonValue String value) implements Comparable<PlanId> {

    public PlanId {
        Objects.requireNonNull(value, "a plan id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanId of(String value) {
        return new PlanId(value);
    }

    /** The id of a nullable string. */
    public static PlanId ofNullable(String value) {
        return value == null ? null : new PlanId(value);
    }

    /** In the order of the ids' text. */
    @Override
    public int compareTo(PlanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
