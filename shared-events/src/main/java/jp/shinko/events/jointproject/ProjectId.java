package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A joint project's identifier among the projects its owner keeps, such as {@code r6-akigawa}. */
public record ProjectId(@JsonValue String value) {

    public ProjectId {
        Objects.requireNonNull(value, "a project id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
