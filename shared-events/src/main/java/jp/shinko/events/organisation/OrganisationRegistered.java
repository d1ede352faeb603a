package jp.shinko.events.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An organisation enters the municipality's register: a 課, a 担当 or an outside body that plans
 * name as responsible, with the other names the city's documents write it under (seed 000 writes
 * 健幸まちづくり担当 in its table and 企画課（健幸まちづくり担当） on the sheet).
 *
 * @param municipalityCode the municipality
 * @param organisationId its id in the register
 * @param name its name as the city writes it
 * @param kind what kind of body it is, if the city's documents say
 * @param aliases the other names it is written under; none of them another organisation's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "OrganisationRegistered", revision = 1)
public record OrganisationRegistered(MunicipalityCode municipalityCode, OrganisationId organisationId, String name,
        OrganisationKind kind, List<String> aliases) implements OrganisationEvent {

    public OrganisationRegistered {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    @Override
    public <R> R accept(OrganisationEvent.Visitor<R> visitor) {
        return visitor.organisationRegistered(this);
    }
}
