package jp.shinko.events.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A municipality's register of organisations, folded from its {@link OrganisationEvent}s, and the
 * one place that decides whether two names are the same organisation: by id, by name, by an alias
 * or by a former name, compared without regard to spaces and to full- or half-width forms
 * (「都市計画課(NT再生担当)」 and 「都市計画課（NT再生担当）」 are one name). Pure; both services use it.
 *
 * <p>A municipality that has registered no organisation has an empty register: names are then
 * compared as written, as they were before registers existed.
 *
 * @param organisations the organisations in the order they were registered
 */
public record OrganisationRegister(List<Organisation> organisations) {

    /** The register of a municipality that has registered none. */
    public static final OrganisationRegister EMPTY = new OrganisationRegister(List.of());

    public OrganisationRegister {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /** Whether no organisation is registered. */
    public boolean isEmpty() {
        return organisations.isEmpty();
    }

    /** The register after an event. */
    public OrganisationRegister apply(OrganisationEvent event) {
        List<Organisation> next = new ArrayList<>(organisations);
        event.accept(new OrganisationEvent.Visitor<Void>() {
            @Override
            public Void organisationRegistered(OrganisationRegistered registered) {
                next.add(new Organisation(registered.organisationId(), registered.name(), registered.kind(),
                        registered.aliases(), List.of()));
                return null;
            }

            @Override
            public Void organisationRevised(OrganisationRevised revised) {
                next.replaceAll(organisation -> organisation.organisationId().equals(revised.organisationId())
                        ? organisation.revised(revised) : organisation);
                return null;
            }
        });
        return new OrganisationRegister(next);
    }

    /** The organisation with this id. */
    public Optional<Organisation> byId(OrganisationId id) {
        return organisations.stream().filter(organisation -> organisation.organisationId().equals(id)).findFirst();
    }

    /** The organisation a text names: its id, or any name it is or was known by. */
    public Optional<Organisation> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = comparable(text);
        return organisations.stream()
                .filter(organisation -> organisation.organisationId().value().equals(text)
                        || organisation.allNames().stream().map(OrganisationRegister::comparable).anyMatch(key::equals))
                .findFirst();
    }

    /** Whether two texts name the same organisation: written alike, or found as one in the register. */
    public boolean same(String one, String other) {
        if (Objects.equals(one, other)) {
            return one != null;
        }
        Optional<Organisation> first = find(one);
        return first.isPresent() && first.equals(find(other));
    }

    /** Of the names given (an item's responsible organisations), the one naming the same organisation as a text. */
    public Optional<String> sameAs(String text, Collection<String> names) {
        return names.stream().filter(name -> same(text, name)).findFirst();
    }

    /**
     * The first of the names that already belongs to an organisation other than the one given
     * (any of its names, aliases or former names), with that organisation.
     */
    public Optional<Taken> takenByAnother(OrganisationId id, Collection<String> names) {
        for (String name : names) {
            String key = comparable(name);
            for (Organisation organisation : organisations) {
                if (!organisation.organisationId().equals(id) && organisation.allNames().stream()
                        .map(OrganisationRegister::comparable).anyMatch(key::equals)) {
                    return Optional.of(new Taken(name, organisation));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A name that belongs to another organisation.
     *
     * @param name the name as sent
     * @param owner the organisation it belongs to
     */
    public record Taken(String name, Organisation owner) {
    }

    /** Whether two names are one name as the register compares them (spaces and full/half width aside). */
    public static boolean sameName(String one, String other) {
        return comparable(one).equals(comparable(other));
    }

    /** A name as names are compared: in NFKC form, without spaces. */
    static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
