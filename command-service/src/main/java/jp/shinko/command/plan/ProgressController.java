package jp.shinko.command.plan;

import static jp.shinko.command.problem.RequestFields.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.plan.EntryRequests.AmountRequest;
import jp.shinko.command.plan.EntryRequests.ItemAddress;
import jp.shinko.command.plan.EntryRequests.NarrativeRequest;
import jp.shinko.command.plan.EntryRequests.PeriodStatusRequest;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress recorded against an item: its indicator and per fiscal year a target and an actual
 * (Akiruno's table; the rating is never sent, it follows from the city's scheme), and the
 * status of each of its rows per quarter (Musashino's table), and its review sheet per fiscal
 * year (Tama's).
 */
@RestController
@RequestMapping("/municipalities/{code}/plans/{planId}/items/{itemId}")
class ProgressController {

    private final CommandGateway commandGateway;

    ProgressController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** What an entry answers: whether it changed anything, and its version to send back as expectedVersion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryAnswer(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, Integer fiscalYear,
            boolean changed, Long version, String commandId) {
    }

    /** The body of {@code PUT .../indicator}. */
    record IndicatorRequest(@Schema(example = "参加者数") String name, @Schema(example = "人") String unit,
            @Schema(description = "The actual before the plan; omitted when there is none (printed -)")
            Baseline baseline) {
    }

    /** A baseline actual and its fiscal year. */
    record Baseline(@Schema(example = "10") BigDecimal value, @Schema(example = "R3") String fiscalYear) {
    }

    @PutMapping("/indicator")
    @Operation(summary = "Define what an item counts, in which unit, from which baseline")
    @ApiResponse(responseCode = "200", description = "Defined (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The item is retired, or targets or actuals exist in "
            + "another unit")
    EntryAnswer defineIndicator(@Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @PathVariable String planId, @PathVariable String itemId, @RequestBody IndicatorRequest request) {
        String name = text("name", request.name(), 100, true);
        Baseline baseline = request.baseline();
        BigDecimal baselineValue = baseline == null ? null : EntryRequests.amount("baseline.value", baseline.value());
        FiscalYear baselineYear = baseline == null ? null
                : RequestFields.fiscalYear("baseline.fiscalYear", baseline.fiscalYear());
        ItemAddress item = ItemAddress.inPath(code, planId, itemId);
        return send(code, item, null, new PlanCommands.DefineIndicator(item.municipalityCode(), item.planId(),
                item.itemId(), name, EntryRequests.unit(request.unit()), baselineValue, baselineYear));
    }

    @PutMapping("/annual-targets/{fiscalYear}")
    @Operation(summary = "Set the annual target (年間目標) of a fiscal year",
            description = "The fiscal year is written 2025, R7 or 令和7 (URL-encoded). A later value supersedes.")
    @ApiResponse(responseCode = "200", description = "Set (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "No indicator yet, another unit, or a year outside the plan")
    EntryAnswer setTarget(@PathVariable MunicipalityCode code, @PathVariable String planId, @PathVariable String itemId,
            @Parameter(example = "R7") @PathVariable FiscalYear fiscalYear, @RequestBody AmountRequest request) {
        return send(code, EntryRequests.target(ItemAddress.inPath(code, planId, itemId), fiscalYear, request));
    }

    @PutMapping("/annual-targets/{fiscalYear}/none")
    @Operation(summary = "Say the item has no target for a fiscal year, on purpose, and why",
            description = "Seed 000: 「事業検討段階となるため目標なしとします。」 The year's target cell says so (a later "
                    + "target supersedes it); the year is not rated and its actual is never overdue. For any item, "
                    + "with or without an indicator.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The item is retired, or the year is outside the plan")
    EntryAnswer setNoTarget(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R7") @PathVariable FiscalYear fiscalYear,
            @RequestBody EntryRequests.NoTargetRequest request) {
        ItemAddress item = ItemAddress.inPath(code, planId, itemId);
        return send(code, item, fiscalYear, EntryRequests.noTarget(item, fiscalYear, request));
    }

    @PutMapping("/annual-actuals/{fiscalYear}")
    @Operation(summary = "Record the actual (実績) of a fiscal year",
            description = "The fiscal year is written 2025, R7 or 令和7 (URL-encoded). A later value supersedes.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "No indicator yet, another unit, or a year outside the plan")
    EntryAnswer recordActual(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String itemId,
            @Parameter(example = "R7") @PathVariable FiscalYear fiscalYear, @RequestBody AmountRequest request) {
        return send(code, EntryRequests.actual(ItemAddress.inPath(code, planId, itemId), fiscalYear, request));
    }

    @PutMapping("/ratings/{fiscalYear}")
    @Operation(summary = "Record the city's own rating of a fiscal year",
            description = "The bands of the city's scheme are a guide (seed 004: 評価の目安); the city may judge the "
                    + "year otherwise, with the reason. Both ratings are shown, and this one counts as the city's. "
                    + "The fiscal year is written 2025, R7 or 令和7 (URL-encoded).")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "Not a label of the year's scheme, no indicator yet, or a year "
            + "outside the plan")
    EntryAnswer recordCityRating(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R7") @PathVariable FiscalYear fiscalYear,
            @RequestBody EntryRequests.CityRatingRequest request) {
        ItemAddress item = ItemAddress.inPath(code, planId, itemId);
        return send(code, item, fiscalYear, EntryRequests.cityRating(item, fiscalYear, request));
    }

    @PutMapping("/period-status/{fiscalYear}/{quarter}")
    @Operation(summary = "Record the status of one row of the item in a quarter",
            description = "The fiscal year is written 2025, R7 or 令和7; the quarter 1 to 4 or 1期 to 4期 "
                    + "(URL-encoded). A later status supersedes.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The organisation is not responsible for the item, the symbol "
            + "or reason is not in the city's lists, a 4th-quarter reason is missing, or the year is outside the plan")
    EntryAnswer recordPeriodStatus(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R5") @PathVariable FiscalYear fiscalYear,
            @Parameter(example = "4") @PathVariable Quarter quarter, @RequestBody PeriodStatusRequest request) {
        return send(code, EntryRequests.status(ItemAddress.inPath(code, planId, itemId), fiscalYear, quarter,
                request));
    }

    @PutMapping("/narratives/{fiscalYear}")
    @Operation(summary = "Revise the item's review sheet of a fiscal year",
            description = "Any of the four fields; an empty text clears one, a field left out stays as it is.")
    @ApiResponse(responseCode = "200", description = "Revised (changed: false when every field already said so)")
    @ApiResponse(responseCode = "422", description = "The item is retired or the year is outside the plan")
    EntryAnswer reviseNarrative(@PathVariable MunicipalityCode code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R7") @PathVariable FiscalYear fiscalYear,
            @RequestBody NarrativeRequest request) {
        return send(code, EntryRequests.narrative(ItemAddress.inPath(code, planId, itemId), fiscalYear, request));
    }

    private EntryAnswer send(MunicipalityCode code, PlanCommands.ProgressEntry command) {
        return send(code, new ItemAddress(command.municipalityCode(), command.planId(), command.itemId()),
                command.fiscalYear(), command);
    }

    private EntryAnswer send(MunicipalityCode code, ItemAddress item, FiscalYear year, Object command) {
        String commandId = CommandIds.ofThisRequest();
        Object result = commandGateway.sendAndWait(command);
        Integer fiscalYear = year == null ? null : year.value();
        return result instanceof EntryResult entry
                ? new EntryAnswer(code, item.planId(), item.itemId(), fiscalYear, entry.changed(), entry.version(),
                        commandId)
                : new EntryAnswer(code, item.planId(), item.itemId(), fiscalYear, (Boolean) result, null, commandId);
    }
}
