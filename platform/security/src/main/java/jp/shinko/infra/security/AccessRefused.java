package jp.shinko.infra.security;

import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * A verified person asked for something their role or municipality does not allow; answered
 * 403 with the message, and nothing is stored.
 */
public final class AccessRefused extends AccessDeniedException {

    public AccessRefused(String message) {
        super(message);
    }

    /** They may not read this municipality's records. */
    public static AccessRefused toRead(Actor actor, MunicipalityCode municipality) {
        return new AccessRefused(actor.describe() + " may read only municipality " + actor.municipalityCode()
                + "'s records, not " + municipality + "'s");
    }

    /** They may not write this municipality's records. */
    public static AccessRefused toWrite(Actor actor, MunicipalityCode municipality) {
        if (actor.role().isMunicipal() && actor.mayRead(municipality)) {
            return new AccessRefused(actor.describe() + " may not change records; only a municipal-editor of "
                    + municipality + " may");
        }
        if (actor.role().isMunicipal()) {
            return new AccessRefused(actor.describe() + " may change only municipality " + actor.municipalityCode()
                    + "'s records, not " + municipality + "'s");
        }
        return new AccessRefused(actor.describe() + " may not change municipalities' records; only their "
                + "municipal-editors may");
    }

    /** They may not perform an operation reserved to administrators. */
    public static AccessRefused toOperate(Actor actor, String operation) {
        return new AccessRefused(actor.describe() + " may not " + operation + "; only an admin may");
    }
}
