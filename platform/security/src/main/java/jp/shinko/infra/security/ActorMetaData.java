package jp.shinko.infra.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * How the acting person is written into the metadata of commands and events: four flat string
 * keys, so that every stored event says who caused it and audits can query them.
 */
public final class ActorMetaData {

    public static final String SUBJECT = "actorSubject";
    public static final String ROLE = "actorRole";
    public static final String MUNICIPALITY = "actorMunicipality";
    public static final String ORGANISATION = "actorOrganisation";

    /** Every key, for copying them from a command onto its events. */
    public static final List<String> KEYS = List.of(SUBJECT, ROLE, MUNICIPALITY, ORGANISATION);

    private ActorMetaData() {
    }

    /** The metadata entries naming this person; absent parts have no entry. */
    public static Map<String, String> of(Actor actor) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(SUBJECT, actor.subject());
        entries.put(ROLE, actor.role().wireName());
        if (actor.municipalityCode() != null) {
            entries.put(MUNICIPALITY, actor.municipalityCode().value());
        }
        if (actor.organisation() != null) {
            entries.put(ORGANISATION, actor.organisation());
        }
        return entries;
    }

    /** The person the metadata names; empty when it names nobody, as on events older than this. */
    public static Optional<Actor> from(Map<String, ?> metaData) {
        if (metaData.get(SUBJECT) == null) {
            return Optional.empty();
        }
        Object municipality = metaData.get(MUNICIPALITY);
        return Optional.of(new Actor((String) metaData.get(SUBJECT), Role.fromWireName((String) metaData.get(ROLE)),
                municipality == null ? null : MunicipalityCode.of((String) municipality),
                (String) metaData.get(ORGANISATION)));
    }
}
