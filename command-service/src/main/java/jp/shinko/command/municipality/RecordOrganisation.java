package jp.shinko.command.municipality;

import java.time.LocalDate;
import java.util.List;
import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationId;
import jp.shinko.events.organisation.OrganisationKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register an organisation in the municipality's register, or revise the one registered under
 * this id (a rename, another kind, other aliases), which needs a reason.
 *
 * @param code the municipality
 * @param organisationId the organisation's id in the register
 * @param name its name as the city writes it
 * @param kind what kind of body it is, {@code null} where the city's documents do not say
 * @param aliases the other names it is written under
 * @param effectiveOn for a revision, the first day of the new name
 * @param reason for a revision, why it changes
 * @param today the day the command is sent, in Tokyo: a rename takes effect no later
 */
public record RecordOrganisation(@TargetAggregateIdentifier MunicipalityCode code, OrganisationId organisationId,
        String name, OrganisationKind kind, List<String> aliases, LocalDate effectiveOn, String reason,
        LocalDate today)
        implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
