package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's own rules: how it rates annual targets, which symbols it reports quarterly
 * status with, and the reasons it gives. Each is replaced whole; sending what is already in
 * force changes nothing, so a retry is safe.
 */
@RestController
class MunicipalitySettingsController {

    private static final String SETTINGS_DESCRIPTION = "For municipal-editors of the municipality who are not "
            + "bound to one organisation. Sending the setting already in force stores nothing (changed: false).";

    private final CommandGateway commandGateway;

    MunicipalitySettingsController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** What a settings change answers. */
    record SettingsChange(MunicipalityCode municipalityCode, boolean changed, String commandId) {
    }

    @PutMapping("/municipalities/{code}/rating-scheme")
    @Operation(summary = "Adopt a rating scheme from a fiscal year on", description = SETTINGS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "Adopted, or already in force")
    @ApiResponse(responseCode = "400", description = "A band or the fiscal year is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    SettingsChange adoptRatingScheme(@Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @RequestBody SettingsRequests.RatingSchemeRequest request) {
        return send(request.toCommand(code), code);
    }

    @PutMapping("/municipalities/{code}/status-legend")
    @Operation(summary = "Adopt a quarterly status legend", description = SETTINGS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "Adopted, or already in force")
    @ApiResponse(responseCode = "400", description = "A symbol is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    SettingsChange adoptStatusLegend(@Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @RequestBody SettingsRequests.StatusLegendRequest request) {
        return send(request.toCommand(code), code);
    }

    @PutMapping("/municipalities/{code}/reason-codes")
    @Operation(summary = "Adopt the list of 4th-quarter reason codes", description = SETTINGS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "Adopted, or already in force")
    @ApiResponse(responseCode = "400", description = "A reason is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    SettingsChange adoptReasonCodes(@Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @RequestBody SettingsRequests.ReasonCodesRequest request) {
        return send(request.toCommand(code), code);
    }

    @PutMapping("/municipalities/{code}/reporting-deadlines")
    @Operation(summary = "Adopt the deadlines of reports: days after a quarter and after a fiscal year",
            description = SETTINGS_DESCRIPTION + " Until adopted: 30 days after a quarter, 90 after a fiscal year.")
    @ApiResponse(responseCode = "200", description = "Adopted, or already in force")
    @ApiResponse(responseCode = "400", description = "A number of days is missing or outside 0 to 365; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    SettingsChange adoptReportingDeadlines(@Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @RequestBody SettingsRequests.ReportingDeadlinesRequest request) {
        return send(request.toCommand(code), code);
    }

    private SettingsChange send(Object command, MunicipalityCode code) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new SettingsChange(code, changed, commandId);
    }
}
