package jp.shinko.command.jointproject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Metropolitan Government's joint projects (seed 003, 多様な主体との連携活動促進支援事業): the
 * programme's subsidy terms, each project as adopted, each year's subsidy decided within the
 * terms, and the results each municipality taking part reports.
 */
@RestController
class JointProjectController {

    private static final String KEEPER = "For metro-editors (the keeper's editors; 東京都 is 130001). Sending what "
            + "is recorded already stores nothing (changed: false); a change to it needs correctionReason.";

    private final CommandGateway commandGateway;
    private final MunicipalRules rules;
    private final Clock clock;

    JointProjectController(CommandGateway commandGateway, MunicipalRules rules, Clock clock) {
        this.commandGateway = commandGateway;
        this.rules = rules;
        this.clock = clock;
    }

    /** What a change answers. */
    record Change(MunicipalityCode municipalityCode, boolean changed, String commandId) {
    }

    @PutMapping("/municipalities/{code}/plans/{planId}/items/{itemId}/subsidy-terms")
    @Operation(summary = "Adopt a programme's subsidy terms for the projects it adopts from a fiscal year on",
            description = "For the editors of the programme's government who are not bound to one organisation. A "
                    + "project keeps the terms in force in the year it was adopted over all its years.")
    @ApiResponse(responseCode = "200", description = "Adopted, or already so")
    @ApiResponse(responseCode = "400", description = "A term is missing or out of range; nothing stored")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    @ApiResponse(responseCode = "422", description = "The plan has no such item; nothing stored")
    Change adoptTerms(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "tama-2026") @PathVariable String planId,
            @Parameter(example = "renkei") @PathVariable String itemId,
            @RequestBody JointProjectRequests.SubsidyTermsRequest request) {
        var item = JointProjectRequests.item("planId", planId, "itemId", itemId);
        return send(request.toCommand(code, item.planId(), item.itemId()), code);
    }

    @PutMapping("/municipalities/{code}/joint-projects/{projectId}")
    @Operation(summary = "Adopt a joint project of several municipalities, or correct its record", description = KEEPER
            + " At least 2 registered municipalities, the lead among them; the programme an item of the keeper's "
            + "plan; the year of adoption stays once a subsidy is decided.")
    @ApiResponse(responseCode = "200", description = "Recorded, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid (such as a code with a wrong check digit); "
            + "nothing stored")
    @ApiResponse(responseCode = "404", description = "The keeper is not registered")
    @ApiResponse(responseCode = "422", description = "Fewer than 2 municipalities, the lead not among them, one not "
            + "registered, the keeper not a prefecture, no such programme, or a correction without reason; nothing "
            + "stored")
    Change project(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "r8-higashikurume-kiyose") @PathVariable String projectId,
            @RequestBody JointProjectRequests.ProjectRequest request) {
        JointProjectCommands.RecordJointProject command = request.toCommand(code, projectId);
        if (!rules.isRegistered(code)) {
            throw JointProjectRuleViolated.notRegistered(code);
        }
        return send(command, code);
    }

    @PutMapping("/municipalities/{code}/joint-projects/{projectId}/subsidies/{fiscalYear}")
    @Operation(summary = "Decide a joint project's subsidy for a fiscal year", description = KEEPER
            + " The grant is at most the programme's rate of the eligible cost, the first year's cap in the year of "
            + "adoption, and what remains of the cap per project; nothing after the last year of subsidy. Without "
            + "grantYen, the most the terms allow is granted.")
    @ApiResponse(responseCode = "200", description = "Decided, corrected, or already so; the answer does not say the "
            + "amount: read the project")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "404", description = "No such project")
    @ApiResponse(responseCode = "422", description = "The grant is over a limit (the problem names it and the amount "
            + "allowed), the year is past the period or before adoption, the programme has no terms, or a "
            + "correction has no reason; nothing stored")
    Change subsidy(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "r8-higashikurume-kiyose") @PathVariable String projectId,
            @Parameter(example = "R8") @PathVariable String fiscalYear,
            @RequestBody JointProjectRequests.SubsidyRequest request) {
        return send(request.toCommand(code, projectId, fiscalYear), code);
    }

    @PutMapping("/municipalities/{code}/joint-projects/{projectId}/results/{fiscalYear}/{part}")
    @Operation(summary = "Report a municipality's part of a joint project's results (実績) for a fiscal year",
            description = "For the municipal-editors of the municipality whose part it is ({part}), which takes part "
                    + "in the project: the lead city's part is the project's results, a partner's what it adds. "
                    + "Sending what is recorded already stores nothing; a change needs correctionReason.")
    @ApiResponse(responseCode = "200", description = "Reported, corrected, or already so")
    @ApiResponse(responseCode = "400", description = "A field is invalid; nothing stored")
    @ApiResponse(responseCode = "403", description = "The caller is not an editor of {part}, or {part} takes no part "
            + "in the project")
    @ApiResponse(responseCode = "404", description = "No such project")
    @ApiResponse(responseCode = "422", description = "The year is before adoption or has not begun, or a correction "
            + "has no reason; nothing stored")
    Change result(@Parameter(example = "130001") @PathVariable MunicipalityCode code,
            @Parameter(example = "r6-akigawa") @PathVariable String projectId,
            @Parameter(example = "R7") @PathVariable String fiscalYear,
            @Parameter(example = "132284") @PathVariable String part,
            @RequestBody JointProjectRequests.ResultRequest request) {
        FiscalYear current = FiscalYear.containing(LocalDate.ofInstant(clock.instant(), TokyoTime.ZONE));
        return send(request.toCommand(code, projectId, fiscalYear, part, current), code);
    }

    private Change send(Object command, MunicipalityCode code) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new Change(code, changed, commandId);
    }
}
