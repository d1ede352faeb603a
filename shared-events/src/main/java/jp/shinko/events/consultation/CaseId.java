package jp.shinko.events.consultation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A consultation case's identifier among those its desk keeps, such as {@code 2026-001}. */
public record CaseId(@JsonValue String value) {

    public CaseId {
        Objects.requireNonNull(value, "a case id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
