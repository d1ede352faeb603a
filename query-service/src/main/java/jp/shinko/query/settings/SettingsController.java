package jp.shinko.query.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.StatusLegend;
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
 * A municipality's rules as they stood: its quarterly status legend, its list of reasons, its
 * reporting deadlines and its rating schemes with the years they apply from (the published
 * defaults until it adopts its own), for whoever enters or reads its tables, such as the screens'
 * status grid.
 */
@RestController
class SettingsController {

    private final RowsAsOf rows;
    private final MunicipalityProjection municipalities;

    SettingsController(RowsAsOf rows, MunicipalityProjection municipalities) {
        this.rows = rows;
        this.municipalities = municipalities;
    }

    /**
     * The rules.
     *
     * @param ratingSchemes every scheme adopted, by the first fiscal year it rates; none until the city adopts one
     */
    record SettingsView(String municipalityCode, StatusLegend statusLegend, ReasonCodes reasonCodes,
            ReportingDeadlines reportingDeadlines, List<RatingSchemeAdopted> ratingSchemes) {
    }

    @GetMapping("/municipalities/{code}/settings")
    @Operation(summary = "A municipality's legend, reasons, deadlines and rating schemes",
            description = "The quarterly status symbols with their meanings and whether a 4th-quarter reason is "
                    + "required, the reason codes, the reporting deadlines and the rating schemes by the year they "
                    + "apply from: the published defaults until the city adopts its own.")
    @ApiResponse(responseCode = "200", description = "The rules")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    SettingsView settings(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code, AsOfTime asOf) {
        MunicipalityCode municipality = municipalities.requireRegistered(ProgressController.readable(actor, code),
                asOf.instant());
        Settings settings = rows.of(municipality, asOf.instant()).find(RowKey.settings(municipality))
                .map(Settings.class::cast).orElseGet(() -> Settings.defaults(municipality));
        return new SettingsView(municipality.value(), settings.legend(), settings.reasonCodes(),
                settings.deadlines(), settings.ratingSchemes());
    }
}
