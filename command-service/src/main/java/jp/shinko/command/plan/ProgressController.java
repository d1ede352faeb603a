package jp.shinko.command.plan;

import static jp.shinko.command.problem.RequestFields.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.command.problem.FieldProblem;
import jp.shinko.command.problem.InvalidRequest;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.infra.edge.MultiLineText;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");
    private static final String UNIT = "\\S{1,10}";
    private static final int NARRATIVE_LENGTH = 4000;
    private static final String EXPECTED_VERSION = "The entry's version you read (0 before its first value); "
            + "a 409 if it changed since";
    private static final String CORRECTION = "Required once the fiscal year is closed: why this entry is corrected";

    private final CommandGateway commandGateway;

    ProgressController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** What an entry answers: whether it changed anything, and its version to send back as expectedVersion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryAnswer(String municipalityCode, String planId, String itemId, Integer fiscalYear, boolean changed,
            Long version, String commandId) {
    }

    /** The body of {@code PUT .../indicator}. */
    record IndicatorRequest(@Schema(example = "参加者数") String name, @Schema(example = "人") String unit,
            @Schema(description = "The actual before the plan; omitted when there is none (printed -)")
            Baseline baseline) {
    }

    /** A baseline actual and its fiscal year. */
    record Baseline(@Schema(example = "10") BigDecimal value, @Schema(example = "R3") String fiscalYear) {
    }

    /** The body of a target or an actual. */
    record AmountRequest(@Schema(example = "20") BigDecimal value, @Schema(example = "人") String unit,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    @PutMapping("/indicator")
    @Operation(summary = "Define what an item counts, in which unit, from which baseline")
    @ApiResponse(responseCode = "200", description = "Defined (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The item is retired, or targets or actuals exist in "
            + "another unit")
    EntryAnswer defineIndicator(@Parameter(example = "132284") @PathVariable String code,
            @PathVariable String planId, @PathVariable String itemId, @RequestBody IndicatorRequest request,
            @RequestHeader(name = CommandMetadata.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        String name = text("name", request.name(), 100, true);
        Baseline baseline = request.baseline();
        BigDecimal baselineValue = baseline == null ? null : amount("baseline.value", baseline.value());
        FiscalYear baselineYear = baseline == null ? null
                : RequestFields.fiscalYear("baseline.fiscalYear", baseline.fiscalYear());
        return send(code, planId, itemId, null, new PlanCommands.DefineIndicator(municipality(code),
                PlanRequests.planId(planId), PlanRequests.itemId("itemId", itemId), name, unit(request.unit()),
                baselineValue, baselineYear), idempotencyKey);
    }

    @PutMapping("/annual-targets/{fiscalYear}")
    @Operation(summary = "Set the annual target (年間目標) of a fiscal year",
            description = "The fiscal year is written 2025, R7 or 令和7 (URL-encoded). A later value supersedes.")
    @ApiResponse(responseCode = "200", description = "Set (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "No indicator yet, another unit, or a year outside the plan")
    EntryAnswer setTarget(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @Parameter(example = "R7") @PathVariable String fiscalYear, @RequestBody AmountRequest request,
            @RequestHeader(name = CommandMetadata.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return send(code, planId, itemId, target(code, planId, itemId, fiscalYear, request), idempotencyKey);
    }

    static PlanCommands.SetAnnualTarget target(String code, String planId, String itemId, String fiscalYear,
            AmountRequest request) {
        return new PlanCommands.SetAnnualTarget(municipality(code), PlanRequests.planId(planId),
                PlanRequests.itemId("itemId", itemId), RequestFields.fiscalYear("fiscalYear", fiscalYear),
                amount("value", request.value()), unit(request.unit()), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    @PutMapping("/annual-actuals/{fiscalYear}")
    @Operation(summary = "Record the actual (実績) of a fiscal year",
            description = "The fiscal year is written 2025, R7 or 令和7 (URL-encoded). A later value supersedes.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "No indicator yet, another unit, or a year outside the plan")
    EntryAnswer recordActual(@PathVariable String code, @PathVariable String planId, @PathVariable String itemId,
            @Parameter(example = "R7") @PathVariable String fiscalYear, @RequestBody AmountRequest request,
            @RequestHeader(name = CommandMetadata.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return send(code, planId, itemId, actual(code, planId, itemId, fiscalYear, request), idempotencyKey);
    }

    static PlanCommands.RecordAnnualActual actual(String code, String planId, String itemId, String fiscalYear,
            AmountRequest request) {
        return new PlanCommands.RecordAnnualActual(municipality(code), PlanRequests.planId(planId),
                PlanRequests.itemId("itemId", itemId), RequestFields.fiscalYear("fiscalYear", fiscalYear),
                amount("value", request.value()), unit(request.unit()), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../period-status/{fiscalYear}/{quarter}}. */
    record PeriodStatusRequest(
            @Schema(description = "Whose row: one of the item's responsible organisations", example = "商工会議所")
            String organisation,
            @Schema(description = "A symbol of the municipality's legend", example = "△") String symbol,
            @Schema(description = "From the municipality's list; required in the 4th quarter for △ □ × -",
                    example = "4") String reasonCode,
            @Schema(description = "Free text, if any") @MultiLineText String remark,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    @PutMapping("/period-status/{fiscalYear}/{quarter}")
    @Operation(summary = "Record the status of one row of the item in a quarter",
            description = "The fiscal year is written 2025, R7 or 令和7; the quarter 1 to 4 or 1期 to 4期 "
                    + "(URL-encoded). A later status supersedes.")
    @ApiResponse(responseCode = "200", description = "Recorded (changed: false when already so)")
    @ApiResponse(responseCode = "422", description = "The organisation is not responsible for the item, the symbol "
            + "or reason is not in the city's lists, a 4th-quarter reason is missing, or the year is outside the plan")
    EntryAnswer recordPeriodStatus(@PathVariable String code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R5") @PathVariable String fiscalYear,
            @Parameter(example = "4") @PathVariable String quarter, @RequestBody PeriodStatusRequest request,
            @RequestHeader(name = CommandMetadata.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return send(code, planId, itemId, status(code, planId, itemId, fiscalYear, quarter, request),
                idempotencyKey);
    }

    static PlanCommands.RecordPeriodStatus status(String code, String planId, String itemId, String fiscalYear,
            String quarter, PeriodStatusRequest request) {
        return new PlanCommands.RecordPeriodStatus(municipality(code), PlanRequests.planId(planId),
                PlanRequests.itemId("itemId", itemId), text("organisation", request.organisation(), 60, true),
                RequestFields.fiscalYear("fiscalYear", fiscalYear), RequestFields.quarter("quarter", quarter),
                text("symbol", request.symbol(), 2, true), text("reasonCode", request.reasonCode(), 10, false),
                text("remark", request.remark(), 2000, false), correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    /** The body of {@code PUT .../narratives/{fiscalYear}}: the fields to revise; those left out stay. */
    record NarrativeRequest(@Schema(description = "事業内容") @MultiLineText String plannedContent,
            @Schema(description = "目標・注力する所") @MultiLineText String goalsAndFocus,
            @Schema(description = "実施結果") @MultiLineText String results,
            @Schema(description = "以降の課題") @MultiLineText String issuesAhead,
            @Schema(description = CORRECTION) @MultiLineText String correctionReason,
            @Schema(description = EXPECTED_VERSION) Long expectedVersion) implements Correctable {
    }

    @PutMapping("/narratives/{fiscalYear}")
    @Operation(summary = "Revise the item's review sheet of a fiscal year",
            description = "Any of the four fields; an empty text clears one, a field left out stays as it is.")
    @ApiResponse(responseCode = "200", description = "Revised (changed: false when every field already said so)")
    @ApiResponse(responseCode = "422", description = "The item is retired or the year is outside the plan")
    EntryAnswer reviseNarrative(@PathVariable String code, @PathVariable String planId,
            @PathVariable String itemId, @Parameter(example = "R7") @PathVariable String fiscalYear,
            @RequestBody NarrativeRequest request,
            @RequestHeader(name = CommandMetadata.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return send(code, planId, itemId, narrative(code, planId, itemId, fiscalYear, request), idempotencyKey);
    }

    static PlanCommands.ReviseNarrative narrative(String code, String planId, String itemId, String fiscalYear,
            NarrativeRequest request) {
        FiscalYear year = RequestFields.fiscalYear("fiscalYear", fiscalYear);
        Map<NarrativeField, String> texts = new LinkedHashMap<>();
        narrative(texts, NarrativeField.PLANNED_CONTENT, request.plannedContent());
        narrative(texts, NarrativeField.GOALS_AND_FOCUS, request.goalsAndFocus());
        narrative(texts, NarrativeField.RESULTS, request.results());
        narrative(texts, NarrativeField.ISSUES_AHEAD, request.issuesAhead());
        if (texts.isEmpty()) {
            throw new InvalidRequest(new FieldProblem(NarrativeField.PLANNED_CONTENT.wireName(), null,
                    "at least one of " + NarrativeField.allowed() + " is required"));
        }
        return new PlanCommands.ReviseNarrative(municipality(code), PlanRequests.planId(planId),
                PlanRequests.itemId("itemId", itemId), year, texts, correction(request),
                RequestFields.version("expectedVersion", request.expectedVersion()));
    }

    private static void narrative(Map<NarrativeField, String> texts, NarrativeField field, String text) {
        if (text == null) {
            return;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > NARRATIVE_LENGTH) {
            throw new InvalidRequest(new FieldProblem(field.wireName(), text, "has at most " + NARRATIVE_LENGTH
                    + " characters"));
        }
        texts.put(field, stripped);
    }

    private static String correction(Correctable request) {
        return text("correctionReason", request.correctionReason(), 400, false);
    }

    /** A request that may correct an entry of a closed fiscal year. */
    private interface Correctable {
        String correctionReason();
    }

    private EntryAnswer send(String code, String planId, String itemId, PlanCommands.ProgressEntry command,
            String idempotencyKey) {
        return send(code, planId, itemId, command.fiscalYear(), command, idempotencyKey);
    }

    private EntryAnswer send(String code, String planId, String itemId, FiscalYear year, Object command,
            String idempotencyKey) {
        String commandId = CommandMetadata.commandId(idempotencyKey);
        Object result = commandGateway.sendAndWait(CommandMetadata.withCommandId(command, commandId));
        Integer fiscalYear = year == null ? null : year.value();
        return result instanceof EntryResult entry
                ? new EntryAnswer(code, planId, itemId, fiscalYear, entry.changed(), entry.version(), commandId)
                : new EntryAnswer(code, planId, itemId, fiscalYear, (Boolean) result, null, commandId);
    }

    private static MunicipalityCode municipality(String code) {
        return RequestFields.municipalityInPath(code);
    }

    /** A target or actual, trailing zeros dropped: 20.0 人 is 20 人. */
    private static BigDecimal amount(String field, BigDecimal value) {
        BigDecimal stripped = RequestFields.decimal(field, value, BigDecimal.ZERO, LARGEST, 4, true)
                .stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String unit(String unit) {
        if (unit == null || !unit.strip().matches(UNIT)) {
            throw new InvalidRequest(new FieldProblem("unit", unit, "is required: 1 to 10 characters without "
                    + "spaces, e.g. 人, 件, 回, 講座, 店 or 部"));
        }
        return unit.strip();
    }
}
