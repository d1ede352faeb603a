package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An item's identifier within its plan, such as {@code 1-2-3}; written as a plain
 * string in events, envelopes and URLs.
 *
 * <p>A type of its own so that an item's id cannot be passed where a plan's or a KPI's is meant.
 * What a new id may look like is a rule of the command API; a stored one is taken as written.
 */
public record ItemId(@JsonValue String value) implements Comparable<ItemId> {

    public ItemId {
        Objects.requireNonNull(value, "an item id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ItemId of(String value) {
        return new ItemId(value);
    }

    /** The id of a nullable string. */
    public static ItemId ofNullable(String value) {
        return value == null ? null : new ItemId(value);
    }

    /** In the order of the ids' text. */
    @Override
    public int compareTo(ItemId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
