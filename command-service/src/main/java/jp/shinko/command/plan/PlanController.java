package jp.shinko.command.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's plan and its tree of items. The municipality comes from the path only; the
 * token must be an editor's of that municipality (checked for every command).
 */
@RestController
@RequestMapping("/municipalities/{code}/plans")
class PlanController {

    private static final String ITEM = "/{planId}/items/{itemId}";

    private final CommandGateway commandGateway;
    private final MunicipalRules municipalRules;
    private final Clock clock;

    PlanController(CommandGateway commandGateway, MunicipalRules municipalRules, Clock clock) {
        this.commandGateway = commandGateway;
        this.municipalRules = municipalRules;
        this.clock = clock;
    }

    /** The answer to adopting a plan. */
    record PlanAnswer(MunicipalityCode municipalityCode, PlanId planId, String commandId) {
    }

    /** The answer to a change of an item: its version after the change, to send back as expectedVersion. */
    record ItemAnswer(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, long version, String commandId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adopt a plan", description = "For the municipality's editors not bound to one "
            + "organisation. Adopting the same plan again changes nothing.")
    @ApiResponse(responseCode = "201", description = "Adopted (or the same adoption again)")
    @ApiResponse(responseCode = "404", description = "The municipality is not registered")
    @ApiResponse(responseCode = "409", description = "A plan with this id exists with other content")
    PlanAnswer adopt(@Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @RequestBody PlanRequests.PlanRequest request) {
        PlanCommands.AdoptPlan command = request.toCommand(code);
        if (!municipalRules.isRegistered(command.municipalityCode())) {
            throw PlanRuleViolated.notRegistered(command.municipalityCode());
        }
        String commandId = send(command);
        return new PlanAnswer(code, command.planId(), commandId);
    }

    /** The answer to a change of a plan's own description or life. */
    record PlanChangeAnswer(MunicipalityCode municipalityCode, PlanId planId, boolean changed, String commandId) {
    }

    @PutMapping("/{planId}")
    @Operation(summary = "Revise what a plan says of itself", description = "Its name, period, goal and level names, "
            + "sent whole as they are to read now, with the reason. The period keeps every fiscal year with entries; "
            + "level names, once given, name every level the tree's items are on. For the city's editors not bound "
            + "to one organisation.")
    @ApiResponse(responseCode = "200", description = "Revised (changed: false when it already said this)")
    @ApiResponse(responseCode = "404", description = "No such plan")
    @ApiResponse(responseCode = "422", description = "The plan ended, the period leaves out recorded years, or the "
            + "level names leave a level of the tree unnamed")
    PlanChangeAnswer revisePlan(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @RequestBody PlanRequests.RevisePlanRequest request) {
        return planChange(code, request.toCommand(code, PlanRequests.planId(planId)));
    }

    @PostMapping("/{planId}/end")
    @Operation(summary = "End a plan", description = "After a fiscal year of its period, with the reason: nothing is "
            + "expected of its items after that year, and nothing more is recorded for later years. Its records are "
            + "kept. For the city's editors not bound to one organisation.")
    @ApiResponse(responseCode = "200", description = "Ended (changed: false when it already ended after that year)")
    @ApiResponse(responseCode = "404", description = "No such plan")
    @ApiResponse(responseCode = "422", description = "The year is outside the plan's period, or the plan ended "
            + "after another year")
    PlanChangeAnswer endPlan(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @RequestBody PlanRequests.EndPlanRequest request) {
        return planChange(code, request.toCommand(code, PlanRequests.planId(planId)));
    }

    @PutMapping("/{planId}/predecessor")
    @Operation(summary = "Record the plan this one succeeds", description = "Another plan of the municipality that "
            + "ended before this one begins and that no other plan succeeds. For the city's editors not bound to one "
            + "organisation.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "404", description = "No such plan")
    @ApiResponse(responseCode = "422", description = "No such predecessor, its period overlaps this one's, another "
            + "plan succeeds it, or this plan succeeds another")
    PlanChangeAnswer recordPredecessor(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @RequestBody PlanRequests.SuccessionRequest request) {
        return planChange(code, request.toCommand(code, PlanRequests.planId(planId)));
    }

    @PutMapping("/{planId}/carryovers/{predecessorItemId}")
    @Operation(summary = "Record what became of an item of the predecessor plan",
            description = "continued as one item of this plan, merged into one, split into several, or ended; an "
                    + "item's year-over-year history follows it. For the city's editors not bound to one "
                    + "organisation.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "404", description = "No such plan")
    @ApiResponse(responseCode = "422", description = "This plan records no predecessor, the item is not the "
            + "predecessor's, or an item named is not this plan's")
    PlanChangeAnswer carryOver(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String predecessorItemId, @RequestBody PlanRequests.CarryoverRequest request) {
        return planChange(code, request.toCommand(code, PlanRequests.planId(planId),
                PlanRequests.itemId("predecessorItemId", predecessorItemId)));
    }

    private PlanChangeAnswer planChange(MunicipalityCode code, PlanCommands.PlanRecordCommand command) {
        String commandId = CommandIds.ofThisRequest();
        Boolean changed = commandGateway.sendAndWait(command);
        return new PlanChangeAnswer(code, command.planId(), changed, commandId);
    }

    @PostMapping("/{planId}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an item to the plan", description = "At the top or under another item. Adding the "
            + "same item again changes nothing.")
    @ApiResponse(responseCode = "201", description = "Added (or the same addition again)")
    @ApiResponse(responseCode = "404", description = "No such plan")
    @ApiResponse(responseCode = "409", description = "An item with this id exists with other content")
    @ApiResponse(responseCode = "422", description = "The parent or cross-reference does not exist or is retired, "
            + "the number is taken among the siblings, or a programme or joint project the item belongs to (partOf) "
            + "does not exist or takes no part of the municipality")
    ItemAnswer add(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @RequestBody PlanRequests.AddItemRequest request) {
        PlanCommands.AddPlanItem command = request.toCommand(code,
                PlanRequests.planId(planId));
        PartOfRecords.check(municipalRules, code, command.content());
        return itemAnswer(code, command);
    }

    @PutMapping(ITEM)
    @Operation(summary = "Revise what an item says", description = "Send expectedVersion to be refused (409) if "
            + "someone changed the item since you read it.")
    @ApiResponse(responseCode = "200", description = "Revised (or already saying this)")
    @ApiResponse(responseCode = "409", description = "The item's version is not expectedVersion")
    @ApiResponse(responseCode = "422", description = "The item is retired, the number is taken, or a programme or "
            + "joint project the item belongs to (partOf) does not exist or takes no part of the municipality")
    ItemAnswer revise(@PathVariable MunicipalityCode code, @PathVariable String planId, @PathVariable String itemId,
            @RequestBody PlanRequests.ReviseItemRequest request) {
        PlanCommands.RevisePlanItem command = request.toCommand(code, PlanRequests.planId(planId),
                PlanRequests.itemId("itemId", itemId));
        PartOfRecords.check(municipalRules, code, command.content());
        return itemAnswer(code, command);
    }

    @PostMapping(ITEM + "/move")
    @Operation(summary = "Move an item under another item (or to the top)")
    @ApiResponse(responseCode = "200", description = "Moved (or already there)")
    @ApiResponse(responseCode = "422", description = "The new parent does not exist, is the item itself or one of "
            + "its own items, or the number is taken there")
    ItemAnswer move(@PathVariable MunicipalityCode code, @PathVariable String planId, @PathVariable String itemId,
            @RequestBody PlanRequests.MoveItemRequest request) {
        return itemAnswer(code, request.toCommand(code,
                PlanRequests.planId(planId), PlanRequests.itemId("itemId", itemId)));
    }

    @PostMapping(ITEM + "/retire")
    @Operation(summary = "Retire an item", description = "It and its history are kept; nothing more is recorded "
            + "for it. Its own items must be retired or moved first.")
    @ApiResponse(responseCode = "200", description = "Retired (or already retired)")
    @ApiResponse(responseCode = "422", description = "The item still has items under it")
    ItemAnswer retire(@PathVariable MunicipalityCode code, @PathVariable String planId, @PathVariable String itemId,
            @RequestBody PlanRequests.RetireItemRequest request) {
        return itemAnswer(code, request.toCommand(code,
                PlanRequests.planId(planId), PlanRequests.itemId("itemId", itemId)));
    }

    /** The body of {@code POST .../fiscal-years/{fiscalYear}/close}. */
    record CloseRequest(
            @Schema(description = "When the year was reported to the council (the meeting's day when a meeting is "
                    + "named)", example = "2024-06-20") String councilReportedOn,
            @Schema(description = "The council meeting that reviewed the year", example = "shingikai-2024-1")
            String councilMeetingId) {
    }

    /** The answer to closing a fiscal year. */
    record CloseAnswer(MunicipalityCode municipalityCode, PlanId planId, int fiscalYear, boolean changed,
            String commandId) {
    }

    @PostMapping("/{planId}/fiscal-years/{fiscalYear}/close")
    @Operation(summary = "Close a fiscal year of the plan", description = "Usually after its report to the "
            + "council, whose meeting it names. From then on a change to the year's entries needs correctionReason. "
            + "For the city's editors not bound to one organisation.")
    @ApiResponse(responseCode = "200", description = "Closed (changed: false when it already was)")
    @ApiResponse(responseCode = "422", description = "The year is outside the plan period or not over, or the council "
            + "meeting named is not recorded or reviewed another year")
    CloseAnswer close(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @Parameter(example = "R5") @PathVariable FiscalYear fiscalYear,
            @RequestBody(required = false) CloseRequest request) {
        FiscalYear year = fiscalYear;
        LocalDate reportedOn = request == null ? null
                : RequestFields.date("councilReportedOn", request.councilReportedOn(), false);
        MeetingId meeting = request == null || request.councilMeetingId() == null ? null
                : RequestFields.meetingId("councilMeetingId", request.councilMeetingId());
        String commandId = CommandIds.ofThisRequest();
        PlanCommands.CloseFiscalYear command = new PlanCommands.CloseFiscalYear(code,
                PlanRequests.planId(planId), year, reportedOn, meeting,
                LocalDate.now(clock.withZone(TokyoTime.ZONE)));
        Boolean changed = commandGateway.sendAndWait(command);
        return new CloseAnswer(code, command.planId(), year.value(), changed, commandId);
    }

    private ItemAnswer itemAnswer(MunicipalityCode code, PlanCommands.ItemCommand command) {
        String commandId = CommandIds.ofThisRequest();
        Long version = commandGateway.sendAndWait(command);
        return new ItemAnswer(code, command.planId(), command.itemId(), version, commandId);
    }

    private String send(Object command) {
        String commandId = CommandIds.ofThisRequest();
        commandGateway.sendAndWait(command);
        return commandId;
    }
}
