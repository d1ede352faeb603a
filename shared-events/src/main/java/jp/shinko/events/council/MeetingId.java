package jp.shinko.events.council;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A council meeting's identifier within its municipality, such as {@code shingikai-2025-2}. */
public record MeetingId(@JsonValue String value) {

    public MeetingId {
        Objects.requireNonNull(value, "a meeting id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MeetingId of(String value) {
        return new MeetingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
