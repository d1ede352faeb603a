package jp.shinko.events.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An organisation's identifier within its municipality's register, such as {@code keizai-kanko};
 * written as a plain string in events, envelopes and URLs. It stays when the organisation is
 * renamed, which is why rows and editors can follow a 課 through a reorganisation.
 */
public record OrganisationId(@JsonValue String value) {

    public OrganisationId {
        Objects.requireNonNull(value, "an organisation id");
    }

    /** The id as written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
