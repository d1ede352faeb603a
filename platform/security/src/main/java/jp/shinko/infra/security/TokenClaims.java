package jp.shinko.infra.security;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The claims through which an identity provider tells the services who is calling: the
 * standard {@code sub}, and {@value #ROLE}, {@value #MUNICIPALITY} and {@value #ORGANISATION}.
 * Any provider that can add custom claims to its access tokens can issue them.
 */
public final class TokenClaims {

    /** The standard subject claim: the person, stable at the identity provider. */
    public static final String SUBJECT = "sub";

    /** One role's wire name, such as {@code municipal-editor}. */
    public static final String ROLE = "role";

    /** The 6-digit municipality code of a municipal role. */
    public static final String MUNICIPALITY = "municipality_code";

    /** Optional, municipal roles only: the organisation within the municipality, such as 商工会議所. */
    public static final String ORGANISATION = "organisation";

    private static final int LONGEST_SUBJECT = 255;
    private static final int LONGEST_ORGANISATION = 60;

    private TokenClaims() {
    }

    /**
     * The person a verified token names.
     *
     * @throws IllegalArgumentException naming the claim that is missing or wrong
     */
    public static Actor actorOf(Map<String, Object> claims) {
        String subject = bounded(SUBJECT, text(claims, SUBJECT), LONGEST_SUBJECT);
        bounded(ORGANISATION, text(claims, ORGANISATION), LONGEST_ORGANISATION);
        String role = text(claims, ROLE);
        String municipality = text(claims, MUNICIPALITY);
        try {
            return new Actor(subject, Role.fromWireName(role),
                    municipality == null ? null : MunicipalityCode.of(municipality), text(claims, ORGANISATION));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("claims " + SUBJECT + ", " + ROLE + ", " + MUNICIPALITY + ", "
                    + ORGANISATION + ": " + e.getMessage(), e);
        }
    }

    /** The claims that name this person ({@code sub} included), for an identity provider to sign. */
    public static Map<String, Object> claimsOf(Actor actor) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(SUBJECT, actor.subject());
        claims.put(ROLE, actor.role().wireName());
        if (actor.municipalityCode() != null) {
            claims.put(MUNICIPALITY, actor.municipalityCode().value());
        }
        if (actor.organisation() != null) {
            claims.put(ORGANISATION, actor.organisation());
        }
        return claims;
    }

    /**
     * A claim that every record it is written into can hold: the subject is kept with each
     * Idempotency-Key (255 characters), an organisation is one of an item's (60), and neither may
     * hold a control character.
     */
    private static String bounded(String name, String value, int longest) {
        if (value != null && (value.length() > longest || value.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("claim " + name + " has at most " + longest
                    + " characters and no control characters");
        }
        return value;
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("claim " + name + " must be a single string, not " + value);
    }
}
