package jp.shinko.events.actor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.Objects;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The person behind a request or an event, as their verified token names them, and the one
 * place that decides which municipalities' records they may read and write.
 *
 * <p>Municipal roles are bound to one municipality, and an editor may further be bound to one
 * organisation (such as 産業振興課 or 商工会議所); the other roles are bound to none.
 *
 * @param subject who acts: the token's subject, stable per person at the identity provider
 * @param role what they act as
 * @param municipalityCode the municipality of a municipal role; {@code null} for the others
 * @param organisation for a municipal role, the organisation within the municipality, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String subject, Role role, MunicipalityCode municipalityCode, String organisation) {

    /**
     * @throws InvalidActor when the subject is blank, a municipal role lacks its municipality, or
     *     another role names a municipality or organisation
     */
    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new InvalidActor("the subject (who acts) is required");
        }
        Objects.requireNonNull(role, "role");
        if (role.isMunicipal() && municipalityCode == null) {
            throw new InvalidActor("the role " + role.wireName() + " needs the municipality it belongs to");
        }
        if (!role.isMunicipal() && (municipalityCode != null || organisation != null)) {
            throw new InvalidActor("the role " + role.wireName()
                    + " is not bound to a municipality or organisation, so it must not name one");
        }
        if (organisation != null && organisation.isBlank()) {
            throw new InvalidActor("the organisation must not be blank; leave it out if there is none");
        }
    }

    /** A person of a role bound to no municipality: metro-analyst, auditor or admin. */
    public static Actor of(String subject, Role role) {
        return new Actor(subject, role, null, null);
    }

    /** Whether they may read this municipality's records. */
    public boolean mayRead(MunicipalityCode municipality) {
        return !role.isMunicipal() || municipalityCode.equals(municipality);
    }

    /** Whether they may read every municipality's records, and so cross-city views. */
    public boolean readsEveryMunicipality() {
        return !role.isMunicipal();
    }

    /** Whether they may write this municipality's records (before any organisation check). */
    public boolean mayWrite(MunicipalityCode municipality) {
        return switch (role) {
            case MUNICIPAL_EDITOR -> municipalityCode.equals(municipality);
            case METRO_EDITOR -> MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT.equals(municipality);
            case MUNICIPAL_VIEWER, METRO_ANALYST, AUDITOR, ADMIN -> false;
        };
    }

    /**
     * Whether they may change an item that these organisations are responsible for: an editor
     * bound to an organisation only edits its items; one bound to none edits all of them.
     */
    public boolean mayEditItemOf(Collection<String> responsibleOrganisations) {
        return (role == Role.MUNICIPAL_EDITOR || role == Role.METRO_EDITOR)
                && (organisation == null || responsibleOrganisations.contains(organisation));
    }

    /** How messages name them, e.g. {@code "alice (municipal-editor of 132241, 産業振興課)"}. */
    public String describe() {
        StringBuilder text = new StringBuilder(subject).append(" (").append(role.wireName());
        if (municipalityCode != null) {
            text.append(" of ").append(municipalityCode);
        }
        if (organisation != null) {
            text.append(", ").append(organisation);
        }
        return text.append(')').toString();
    }
}
