package jp.shinko.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.InvalidField;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.infra.eventstore.RecordedEvents;
import jp.shinko.query.asof.AsOf;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.audit.EntryHistory.Entry;
import jp.shinko.query.export.SheetFormat;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.tables.ProgressController.PlanNotFound;
import jp.shinko.query.web.Paging;
import jp.shinko.query.web.ReadResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and why: every change of one value, and everything that changed in a plan
 * between two recorded times. Read from the stored events themselves, so nothing a projection
 * summarised away is missing.
 */
@RestController
@RequestMapping("/municipalities/{code}/plans/{planId}/progress")
class AuditTrailController {

    private static final List<String> KINDS = List.of("target", "actual", "rating", "status", "observation",
            "narrative");

    private final RecordedEvents recorded;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrailController(RecordedEvents recorded, JsonMapper json, Clock clock) {
        this.recorded = recorded;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/history/entries")
    @Operation(summary = "Every change of one value: old → new, when, by whom and why",
            description = "kind=target, actual or rating (the city's own) with item and fiscalYear; kind=status "
                    + "with item, organisation, fiscalYear and quarter; kind=observation with kpi and reference (2021, "
                    + "or 2021-2022); "
                    + "kind=narrative with item, fiscalYear and field (plannedContent, goalsAndFocus, results, "
                    + "issuesAhead, targetPicture, statusAndIssues).")
    @ApiResponse(responseCode = "200", description = "The changes, oldest first (none if the value was never set)")
    @ApiResponse(responseCode = "400", description = "The kind is unknown, or a parameter it needs is missing or wrong")
    @ReadResponses.OfOneMunicipality
    EntryHistory entryHistory(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(description = "target, actual, rating, status, observation or narrative", example = "actual")
            @RequestParam String kind,
            @Parameter(example = "d1-m1-b1") @RequestParam Optional<String> item,
            @Parameter(example = "R5") @RequestParam Optional<String> fiscalYear,
            @RequestParam Optional<String> organisation, @RequestParam Optional<String> quarter,
            @RequestParam Optional<String> kpi, @RequestParam Optional<String> reference,
            @RequestParam Optional<String> field,
            AsOfTime asOf) {
        MunicipalityCode municipality = ProgressController.readable(actor, code);
        Map<String, String> description = new LinkedHashMap<>();
        description.put("kind", kind);
        Entry entry = switch (kind) {
            case "target", "actual" -> Entry.figure(description, municipality, planId, new EntryRef.AnnualFigure(
                    itemId(item, description), fiscalYear(fiscalYear, description),
                    kind.equals("target") ? EntryRef.Figure.TARGET : EntryRef.Figure.ACTUAL));
            case "rating" -> Entry.cityRating(description, municipality, planId, new EntryRef.CityRating(
                    itemId(item, description), fiscalYear(fiscalYear, description)));
            case "status" -> Entry.status(description, municipality, planId, new EntryRef.QuarterStatus(
                    itemId(item, description), required("organisation", organisation, description),
                    fiscalYear(fiscalYear, description), quarter(quarter, description)));
            case "observation" -> Entry.observation(description, municipality, planId, new EntryRef.KpiObservation(
                    KpiId.of(required("kpi", kpi, description)), reference(reference, description)));
            case "narrative" -> narrative(municipality, planId, item, fiscalYear, field, description);
            default -> throw new InvalidField("kind", kind, "an entry is of kind " + String.join(", ", KINDS));
        };
        return EntryHistory.of(entry, recorded.of(municipality, asOf.orLatest()));
    }

    @GetMapping("/changes")
    @Operation(summary = "What changed in a plan between two recorded times: added, changed (old → new), retired",
            description = "from and to are recorded times: ISO 8601 with offset, or a date for the end of that day "
                    + "in Asia/Tokyo; to defaults to now.")
    @ApiResponse(responseCode = "200", description = "The changed rows, each with its changed fields")
    @ApiResponse(responseCode = "400", description = "from or to is not a time, or from is after to")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "The municipality had no such plan at to")
    PlanChanges changes(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "sangyo-2") @PathVariable PlanId planId,
            @Parameter(example = "2024-05-01") @RequestParam String from,
            @Parameter(description = "Now when absent") @RequestParam Optional<String> to) {
        return changesOf(ProgressController.readable(actor, code), planId, from, to);
    }

    @GetMapping("/changes.{format}")
    @Operation(summary = "What changed in a plan between two recorded times, as a workbook (xlsx) or CSV")
    @ApiResponse(responseCode = "200", description = "The file: one line per changed field")
    @ApiResponse(responseCode = "400", description = "The format, from or to is invalid, or from is after to")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "The municipality had no such plan at to")
    ResponseEntity<byte[]> changesFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "sangyo-2") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(example = "2024-05-01") @RequestParam String from,
            @Parameter(description = "Now when absent") @RequestParam Optional<String> to) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        return sheetFormat.download(changesOf(ProgressController.readable(actor, code), planId, from, to)
                .sheet());
    }

    private PlanChanges changesOf(MunicipalityCode municipality, PlanId planId, String fromText,
            Optional<String> toText) {
        Instant from = AsOf.parse("from", fromText);
        Instant to = toText.map(text -> AsOf.parse("to", text)).orElseGet(clock::instant);
        if (from.isAfter(to)) {
            throw new InvalidField("to", toText.orElse("now"), "to must not be before from (" + fromText + ")");
        }
        return PlanChanges.between(municipality, planId, from, to, recorded.of(municipality, to), json)
                .orElseThrow(() -> new PlanNotFound(municipality, planId));
    }

    private static Entry narrative(MunicipalityCode municipality, PlanId planId, Optional<String> item,
            Optional<String> fiscalYear, Optional<String> field, Map<String, String> description) {
        ItemId itemId = itemId(item, description);
        FiscalYear year = fiscalYear(fiscalYear, description);
        String fieldName = required("field", field, description);
        NarrativeField narrativeField;
        try {
            narrativeField = NarrativeField.of(fieldName);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidField("field", fieldName, unknown.getMessage());
        }
        return Entry.narrative(description, municipality, planId, new EntryRef.ReviewSheet(itemId, year),
                narrativeField);
    }

    private static ItemId itemId(Optional<String> item, Map<String, String> description) {
        return ItemId.of(required("item", item, description));
    }

    private static String required(String name, Optional<String> value, Map<String, String> description) {
        String given = value.map(String::strip).filter(text -> !text.isEmpty()).orElseThrow(() ->
                new InvalidField(name, null, "this kind of entry is named by " + name));
        description.put(name, given);
        return given;
    }

    private static FiscalYear fiscalYear(Optional<String> text, Map<String, String> description) {
        FiscalYear year = Paging.fiscalYear(required("fiscalYear", text, description));
        description.put("fiscalYear", String.valueOf(year.value()));
        return year;
    }

    private static Quarter quarter(Optional<String> text, Map<String, String> description) {
        String given = required("quarter", text, description);
        try {
            return Quarter.parse(given);
        } catch (RuntimeException invalid) {
            throw new InvalidField("quarter", given, "a quarter is 1 to 4 (1 is April to June)");
        }
    }

    private static ReferencePeriod reference(Optional<String> text, Map<String, String> description) {
        String given = required("reference", text, description);
        String[] years = given.split("[-–]");
        try {
            return years.length == 1 ? new ReferencePeriod(Integer.parseInt(years[0]), Integer.parseInt(years[0]))
                    : new ReferencePeriod(Integer.parseInt(years[0]), Integer.parseInt(years[1]));
        } catch (NumberFormatException | InvalidField invalid) {
            throw new InvalidField("reference", given, "a reference is a year such as 2021, or a period such as "
                    + "2021-2022");
        }
    }
}
