package jp.shinko.events.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An organisation of the register is renamed or its kind or aliases change, with the reason. A
 * former name is kept in the register with the day it stopped being the name, so records written
 * under it still name the same organisation.
 *
 * @param municipalityCode the municipality
 * @param organisationId its id in the register
 * @param name its name from now on
 * @param kind what kind of body it is, if the city's documents say
 * @param aliases the other names it is written under from now on
 * @param effectiveOn the first day of the new name (a reorganisation usually takes effect on 1 April)
 * @param reason why it changed, as the city gives it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "OrganisationRevised", revision = 1)
public record OrganisationRevised(MunicipalityCode municipalityCode, OrganisationId organisationId, String name,
        OrganisationKind kind, List<String> aliases, LocalDate effectiveOn, String reason)
        implements OrganisationEvent {

    public OrganisationRevised {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    @Override
    public <R> R accept(OrganisationEvent.Visitor<R> visitor) {
        return visitor.organisationRevised(this);
    }
}
