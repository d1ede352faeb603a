package jp.shinko.query.organisations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.Organisation;
import jp.shinko.events.organisation.Organisation.FormerName;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.rows.RowKey;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.web.ReadResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's register of organisations read back: each 課, 担当 and outside body with the
 * other names the city writes it under and the names it had, as of any recorded instant. The
 * names a plan's items and rows are written under resolve through it.
 */
@RestController
class OrganisationController {

    private final RowsAsOf rows;
    private final MunicipalityProjection municipalities;

    OrganisationController(RowsAsOf rows, MunicipalityProjection municipalities) {
        this.rows = rows;
        this.municipalities = municipalities;
    }

    /** A municipality's register. */
    record OrganisationList(String municipalityCode, List<OrganisationView> organisations) {
    }

    /**
     * One organisation of the register.
     *
     * @param kind department, section, municipality or outside-body; absent where the city's documents do not say
     * @param kindJapanese 課, 担当, 市 or 外部団体
     * @param formerNames the names it had, oldest first, each with the last day it was the name
     */
    record OrganisationView(String organisationId, String name, String kind, String kindJapanese,
            List<String> aliases, List<FormerName> formerNames) {

        static OrganisationView of(Organisation organisation) {
            return new OrganisationView(organisation.organisationId().value(), organisation.name(),
                    organisation.kind() == null ? null : organisation.kind().wireName(),
                    organisation.kind() == null ? null : organisation.kind().japanese(), organisation.aliases(),
                    organisation.formerNames());
        }
    }

    @GetMapping("/municipalities/{code}/organisations")
    @Operation(summary = "A municipality's register of organisations (課, 担当, outside bodies)",
            description = "Each organisation in the order registered, with its id, name, kind, aliases (other names "
                    + "the city writes it under) and former names with the last day of each. Empty until the city "
                    + "registers its organisations; names are then compared as written.")
    @ApiResponse(responseCode = "200", description = "The register")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    OrganisationList organisations(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            AsOfTime asOf) {
        MunicipalityCode municipality = municipalities.requireRegistered(ProgressController.readable(actor, code),
                asOf.instant());
        return new OrganisationList(municipality.value(), rows.of(municipality, asOf.instant())
                .find(RowKey.settings(municipality)).map(Settings.class::cast)
                .map(settings -> settings.organisations().organisations().stream().map(OrganisationView::of)
                        .toList())
                .orElse(List.of()));
    }
}
