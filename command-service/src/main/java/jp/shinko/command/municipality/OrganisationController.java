package jp.shinko.command.municipality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's register of organisations (課, 担当, outside bodies): the names plans name as
 * responsible and editors are bound to, each with the other names the city writes it under.
 */
@RestController
class OrganisationController {

    private final CommandGateway commandGateway;
    private final Clock clock;

    OrganisationController(CommandGateway commandGateway, Clock clock) {
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** What a change to the register answers. */
    record OrganisationChange(MunicipalityCode municipalityCode, String organisationId, boolean changed,
            String commandId) {
    }

    @PutMapping("/municipalities/{code}/organisations/{organisationId}")
    @Operation(summary = "Register an organisation, or revise (rename) a registered one with a reason",
            description = "For municipal-editors of the municipality who are not bound to one organisation. A name or "
                    + "alias belongs to one organisation only; a former name stays the organisation's, so rows "
                    + "written under it keep their owner. Once a municipality registers organisations, plan items "
                    + "name only registered ones (by name, alias or former name), and an editor bound to an "
                    + "organisation edits the rows of every name it is known by. Sending what is registered "
                    + "already stores nothing (changed: false).")
    @ApiResponse(responseCode = "200", description = "Registered, revised, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    @ApiResponse(responseCode = "422", description = "A name or alias is another organisation's, or a revision "
            + "has no reason; nothing stored")
    OrganisationChange record(@Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "kenko-machizukuri") @PathVariable String organisationId,
            @RequestBody OrganisationRequest request) {
        String commandId = CommandIds.ofThisRequest();
        RecordOrganisation command = request.toCommand(code, organisationId, LocalDate.now(clock.withZone(
                TokyoTime.ZONE)));
        Boolean changed = commandGateway.sendAndWait(command);
        return new OrganisationChange(code, command.organisationId().value(), changed, commandId);
    }
}
