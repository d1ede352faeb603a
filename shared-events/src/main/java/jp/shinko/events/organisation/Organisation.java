package jp.shinko.events.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One organisation of a register as it stands: its name, kind, the other names it is written
 * under, and the names it had before.
 *
 * @param organisationId its id
 * @param name its name now
 * @param kind what kind of body it is, {@code null} where the city's documents do not say
 * @param aliases the other names it is written under now
 * @param formerNames the names it had, oldest first, each with the last day it was the name
 */
public record Organisation(OrganisationId organisationId, String name, OrganisationKind kind, List<String> aliases,
        List<FormerName> formerNames) {

    public Organisation {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    /**
     * A name an organisation had.
     *
     * @param name the name
     * @param until the last day it was the name
     */
    public record FormerName(String name, LocalDate until) {
    }

    /** Every name it is known by: its name, its aliases and its former names. */
    @JsonIgnore
    public List<String> allNames() {
        return Stream.of(Stream.of(name), aliases.stream(), formerNames.stream().map(FormerName::name))
                .flatMap(names -> names).toList();
    }

    /** The organisation after a revision; a name it leaves becomes a former name. */
    Organisation revised(OrganisationRevised revision) {
        List<FormerName> former = new ArrayList<>(formerNames);
        if (!revision.name().equals(name)) {
            former.add(new FormerName(name, revision.effectiveOn().minusDays(1)));
        }
        return new Organisation(organisationId, revision.name(), revision.kind(), revision.aliases(), former);
    }
}
