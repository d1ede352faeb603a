package jp.shinko.command.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's year: each meeting that reviewed a fiscal year's progress, the tables presented
 * to it pinned to the instants they were produced from, and the council's opinions with the
 * city's responses. Closing a fiscal year names the meeting.
 */
@RestController
@RequestMapping("/municipalities/{code}/council-meetings/{meetingId}")
class CouncilController {

    private static final String WHO = "For municipal-editors of the municipality who are not bound to one "
            + "organisation. Sending what is recorded already stores nothing (changed: false); a change to it needs "
            + "correctionReason.";

    private final CommandGateway commandGateway;
    private final Clock clock;

    CouncilController(CommandGateway commandGateway, Clock clock) {
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** What a council record answers. */
    record CouncilChange(MunicipalityCode municipalityCode, String meetingId, boolean changed, String commandId) {
    }

    @PutMapping
    @Operation(summary = "Record a council meeting and the tables presented to it", description = WHO
            + " Each document is a table of one of the municipality's plans pinned to a recorded instant (asOf), "
            + "never one after now.")
    @ApiResponse(responseCode = "200", description = "Recorded, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    @ApiResponse(responseCode = "422", description = "A document is pinned to a future instant or names a plan the "
            + "municipality does not have, the meeting is held outside the year it reviews or in the future, or "
            + "a correction has no reason; nothing stored")
    CouncilChange meeting(@Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "shingikai-2025-2") @PathVariable String meetingId,
            @RequestBody CouncilRequests.MeetingRequest request) {
        return send(request.toCommand(code, meetingId, clock.instant()), code, meetingId);
    }

    @PutMapping("/opinions/{opinionId}")
    @Operation(summary = "Record an opinion of the council, with the city's response once given", description = WHO)
    @ApiResponse(responseCode = "200", description = "Recorded, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    @ApiResponse(responseCode = "422", description = "The meeting is not recorded, or a correction has no reason; "
            + "nothing stored")
    CouncilChange opinion(@Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "shingikai-2025-2") @PathVariable String meetingId,
            @Parameter(example = "1") @PathVariable String opinionId,
            @RequestBody CouncilRequests.OpinionRequest request) {
        return send(request.toCommand(code, meetingId, opinionId), code, meetingId);
    }

    private CouncilChange send(Object command, MunicipalityCode code, String meetingId) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new CouncilChange(code, meetingId, changed, commandId);
    }
}
