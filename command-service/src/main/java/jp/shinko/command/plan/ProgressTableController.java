package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinko.command.messaging.CommandIds;
import jp.shinko.command.plan.EntryRequests.ItemAddress;
import jp.shinko.command.plan.PlanCommands.ProgressEntry;
import jp.shinko.command.plan.PlanCommands.RecordProgress;
import jp.shinko.command.problem.ProblemDetailsAdvice;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;
import jp.shinko.infra.edge.ProblemType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole progress table in one request, as a city enters its yearly table: every row is
 * checked, each item's rows are recorded together or not at all, and the answer says per item
 * and row what happened. One request is one transaction, so a table of hundreds of rows costs
 * one commit instead of hundreds.
 */
@RestController
class ProgressTableController {

    static final int MAX_ENTRIES = 5000;
    private static final String KINDS = "target, actual, status, narrative";

    private final CommandGateway commandGateway;

    ProgressTableController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** The body: the items with their rows. */
    record TableRequest(List<ItemRows> items) {
    }

    /** One item's rows, recorded together or not at all. */
    record ItemRows(@Schema(example = "1-1") String itemId, List<EntryRow> entries) {
    }

    /** A row: the fields of the single-entry request of its kind, with its fiscal year (and quarter). */
    @Schema(description = "kind target or actual: value and unit; status: quarter, organisation, symbol and "
            + "reasonCode/remark if any; narrative: any of plannedContent, goalsAndFocus, results, issuesAhead, "
            + "targetPicture, statusAndIssues")
    record EntryRow(@Schema(example = "target", allowableValues = {"target", "actual", "status", "narrative"})
            String kind, @Schema(example = "R7") String fiscalYear, @Schema(example = "1") String quarter,
            BigDecimal value, String unit, String organisation, String symbol, String reasonCode,
            @MultiLineText String remark, @MultiLineText String plannedContent, @MultiLineText String goalsAndFocus,
            @MultiLineText String results, @MultiLineText String issuesAhead, @MultiLineText String targetPicture,
            @MultiLineText String statusAndIssues, @MultiLineText String correctionReason, Long expectedVersion) {
    }

    /** What the table answers: per item whether it was recorded, with each row's result, or why not. */
    record TableAnswer(MunicipalityCode municipalityCode, PlanId planId, int itemsRecorded, int itemsRefused,
            int entriesChanged, List<ItemAnswer> items, String commandId) {
    }

    /** An item's outcome: {@code recorded} with its rows' results, or {@code refused} with the problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemAnswer(String itemId, String outcome, List<RowAnswer> entries, ProblemDetail problem) {
    }

    /** A recorded row: whether it changed anything and the entry's version to send back as expectedVersion. */
    record RowAnswer(int index, String kind, boolean changed, long version) {
    }

    @PostMapping("/municipalities/{code}/plans/{planId}/progress")
    @Operation(summary = "Enter a progress table: many items' targets, actuals, statuses and review sheets at once",
            description = "Each item's rows are recorded together or not at all; a refused item does not stop the "
                    + "others. The answer lists every item: recorded (each row: changed, version) or refused (a "
                    + "problem naming the row, items[i].entries[j]). At most " + MAX_ENTRIES + " rows, each item "
                    + "once.")
    @ApiResponse(responseCode = "200", description = "Recorded, perhaps with some items refused (itemsRefused)")
    @ApiResponse(responseCode = "400", description = "No items, too many rows, an item twice")
    @ApiResponse(responseCode = "422", description = "Every item was refused: nothing was recorded; the items "
            + "with their problems are in the problem's items")
    ResponseEntity<Object> enter(@Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @PathVariable String planId, @RequestBody TableRequest request) {
        MunicipalityCode municipality = code;
        PlanId plan = PlanRequests.planId(planId);
        List<ItemRows> items = checkedShape(request);
        List<ItemAnswer> answers = new ArrayList<>();
        List<RecordProgress.ItemEntries> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRows item = items.get(i);
            List<ProgressEntry> entries = new ArrayList<>();
            String at = "items[" + i + "]";
            try {
                ItemId itemId = PlanRequests.itemId(at + ".itemId", item.itemId());
                for (int j = 0; j < item.entries().size(); j++) {
                    entries.add(entry(new ItemAddress(municipality, plan, itemId), at + ".entries[" + j + "]",
                            item.entries().get(j)));
                }
                requireDistinct(at, entries);
                valid.add(new RecordProgress.ItemEntries(itemId, entries));
                answers.add(null); // answered by the plan below
            } catch (InvalidRequest | InvalidField invalid) {
                answers.add(new ItemAnswer(item.itemId(), "refused", null, ProblemDetailsAdvice.of(invalid)));
            }
        }
        String commandId = CommandIds.ofThisRequest();
        List<ItemOutcome> outcomes = valid.isEmpty() ? List.of() : commandGateway.sendAndWait(
                new RecordProgress(municipality, plan, valid));
        for (int i = 0, next = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                answers.set(i, answer(outcomes.get(next++), items.get(i), "items[" + i + "]"));
            }
        }
        int recorded = (int) answers.stream().filter(answer -> answer.problem() == null).count();
        int changed = (int) answers.stream().filter(answer -> answer.entries() != null)
                .flatMap(answer -> answer.entries().stream()).filter(RowAnswer::changed).count();
        TableAnswer table = new TableAnswer(code, plan, recorded, answers.size() - recorded, changed, answers,
                commandId);
        if (recorded > 0) {
            return ResponseEntity.ok(table);
        }
        ProblemDetail nothing = ProblemType.NOTHING_RECORDED.detail("every one of the "
                + answers.size() + " items was refused; see each item's problem, fix the rows and send again");
        nothing.setProperty("items", answers);
        return ResponseEntity.status(nothing.getStatus()).body(nothing);
    }

    private static List<ItemRows> checkedShape(TableRequest request) {
        List<ItemRows> items = request.items();
        if (items == null || items.isEmpty()) {
            throw new InvalidRequest(new FieldProblem("items", null, "is required: at least one item with its rows"));
        }
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemRows item = items.get(i);
            if (item == null || item.entries() == null || item.entries().isEmpty()) {
                throw new InvalidRequest(new FieldProblem("items[" + i + "].entries", null,
                        "is required: at least one row"));
            }
            if (item.itemId() != null && !seen.add(item.itemId())) {
                throw new InvalidRequest(new FieldProblem("items[" + i + "].itemId", item.itemId(),
                        "appears twice: send each item's rows together, once"));
            }
            rows += item.entries().size();
        }
        if (rows > MAX_ENTRIES) {
            throw new InvalidRequest(new FieldProblem("items", rows + " rows", "has at most " + MAX_ENTRIES
                    + " rows in one request; send the table in parts"));
        }
        return items;
    }

    /** The row as the command of its kind, checked as the single-entry endpoint checks it. */
    private static ProgressEntry entry(ItemAddress item, String at, EntryRow row) {
        try {
            if (row == null || row.kind() == null) {
                throw new InvalidRequest(new FieldProblem("kind", null, "is required: " + KINDS));
            }
            onlyFieldsOfItsKind(row);
            return switch (row.kind()) {
                case "target" -> EntryRequests.target(item, fiscalYear(row), amount(row));
                case "actual" -> EntryRequests.actual(item, fiscalYear(row), amount(row));
                case "status" -> EntryRequests.status(item, fiscalYear(row),
                        RequestFields.quarter("quarter", row.quarter()),
                        new EntryRequests.PeriodStatusRequest(row.organisation(), row.symbol(),
                                row.reasonCode(), row.remark(), row.correctionReason(), row.expectedVersion()));
                case "narrative" -> EntryRequests.narrative(item, fiscalYear(row),
                        new EntryRequests.NarrativeRequest(row.plannedContent(), row.goalsAndFocus(),
                                row.results(), row.issuesAhead(), row.targetPicture(), row.statusAndIssues(),
                                row.correctionReason(), row.expectedVersion()));
                default -> throw new InvalidRequest(new FieldProblem("kind", row.kind(), "must be one of "
                        + KINDS));
            };
        } catch (InvalidRequest invalid) {
            throw new InvalidRequest(invalid.problems().stream()
                    .map(problem -> new FieldProblem(at + "." + problem.field(), problem.rejectedValue(),
                            problem.message()))
                    .toList());
        } catch (InvalidField invalid) {
            throw new InvalidRequest(List.of(new FieldProblem(at + "." + invalid.field(), invalid.rejectedValue(),
                    invalid.getMessage())));
        }
    }

    /** A field of another kind of row is refused, never silently dropped. */
    private static void onlyFieldsOfItsKind(EntryRow row) {
        Map<String, Object> others = new LinkedHashMap<>();
        boolean amount = row.kind().equals("target") || row.kind().equals("actual");
        boolean status = row.kind().equals("status");
        boolean narrative = row.kind().equals("narrative");
        if (!amount && !status && !narrative) {
            return; // an unknown kind is refused as such
        }
        if (!amount) {
            others.put("value", row.value());
            others.put("unit", row.unit());
        }
        if (!status) {
            others.put("quarter", row.quarter());
            others.put("organisation", row.organisation());
            others.put("symbol", row.symbol());
            others.put("reasonCode", row.reasonCode());
            others.put("remark", row.remark());
        }
        if (!narrative) {
            others.put("plannedContent", row.plannedContent());
            others.put("goalsAndFocus", row.goalsAndFocus());
            others.put("results", row.results());
            others.put("issuesAhead", row.issuesAhead());
        }
        others.entrySet().stream().filter(field -> field.getValue() != null).findFirst().ifPresent(field -> {
            throw new InvalidRequest(new FieldProblem(field.getKey(), field.getValue(), "is not a field of a row "
                    + "of kind " + row.kind()));
        });
    }

    private static FiscalYear fiscalYear(EntryRow row) {
        return RequestFields.fiscalYear("fiscalYear", row.fiscalYear());
    }

    private static EntryRequests.AmountRequest amount(EntryRow row) {
        return new EntryRequests.AmountRequest(row.value(), row.unit(), row.correctionReason(),
                row.expectedVersion());
    }

    /** Two rows of one item for the same entry would each be checked against the entry as it was. */
    private static void requireDistinct(String at, List<ProgressEntry> entries) {
        Set<EntryRef> seen = new HashSet<>();
        for (int j = 0; j < entries.size(); j++) {
            if (!seen.add(entries.get(j).entryRef())) {
                throw new InvalidRequest(new FieldProblem(at + ".entries[" + j + "]", null, "is the same entry as "
                        + "an earlier row of this item; send each entry once"));
            }
        }
    }

    private static ItemAnswer answer(ItemOutcome outcome, ItemRows item, String at) {
        if (outcome.refusal() != null) {
            ProblemDetail problem = ProblemDetailsAdvice.of(outcome.refusal());
            problem.setProperty("entry", at + ".entries[" + outcome.refusedEntry() + "]");
            return new ItemAnswer(outcome.itemId().value(), "refused", null, problem);
        }
        List<RowAnswer> rows = new ArrayList<>();
        for (int j = 0; j < outcome.entries().size(); j++) {
            EntryResult result = outcome.entries().get(j);
            rows.add(new RowAnswer(j, item.entries().get(j).kind(), result.changed(), result.version()));
        }
        return new ItemAnswer(outcome.itemId().value(), "recorded", rows, null);
    }
}
