package jp.shinko.events.actor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a person does with the system, which decides what they may read and write. A token
 * carries exactly one role; its wire name (such as {@code municipal-editor}) is what identity
 * providers put in the token and what events record.
 */
public enum Role {

    /** A municipality's staff or partner body: writes that municipality's records, reads them. */
    MUNICIPAL_EDITOR("municipal-editor"),
    /** Reads one municipality's records. */
    MUNICIPAL_VIEWER("municipal-viewer"),
    /** The Tokyo Metropolitan Government: reads every municipality, writes nothing. */
    METRO_ANALYST("metro-analyst"),
    /**
     * The Tokyo Metropolitan Government's staff who keep its own records (its programmes, under
     * 東京都's code {@link jp.shinko.events.municipality.MunicipalityCode#TOKYO_METROPOLITAN_GOVERNMENT});
     * reads every municipality, writes nothing of a city's.
     */
    METRO_EDITOR("metro-editor"),
    /** Reads everything, including history and who changed what; writes nothing. */
    AUDITOR("auditor"),
    /** Operates the system: registers municipalities, rebuilds projections, replays to Kafka. */
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the role is bound to one municipality (and then may carry an organisation). */
    public boolean isMunicipal() {
        return this == MUNICIPAL_EDITOR || this == MUNICIPAL_VIEWER;
    }

    /**
     * The role with this wire name.
     *
     * @throws InvalidActor naming the allowed names when there is none
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Role fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(role -> role.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new InvalidActor("the role must be one of " + allowedNames() + ", not "
                        + (wireName == null ? "missing" : "\"" + wireName + "\"")));
    }

    /** The wire names, comma-separated, for messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
    }
}
