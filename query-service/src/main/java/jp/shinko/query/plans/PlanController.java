package jp.shinko.query.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.infra.eventstore.RecordedEvents;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.export.SheetFormat;
import jp.shinko.query.municipality.MunicipalityProjection;
import jp.shinko.query.plans.PlanViews.ItemView;
import jp.shinko.query.plans.PlanViews.PlanList;
import jp.shinko.query.plans.PlanViews.PlanTree;
import jp.shinko.query.problem.NotFound;
import jp.shinko.query.rows.ReplayedRows;
import jp.shinko.query.tables.ProgressController;
import jp.shinko.query.tables.ProgressController.PlanNotFound;
import jp.shinko.query.web.ReadResponses;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality's plans read back as the city wrote them: the list, where a new user finds a
 * plan's id; a plan's whole tree (施策体系), items with no figures yet included; and one item
 * with the versions of its cells, so a client can send {@code expectedVersion} without having
 * written before. Each as of any recorded instant, and the list and the tree as files too.
 */
@RestController
@RequestMapping("/municipalities/{code}")
class PlanController {

    private final RowsAsOf rows;
    private final RecordedEvents recorded;
    private final MunicipalityProjection municipalities;

    PlanController(RowsAsOf rows, RecordedEvents recorded, MunicipalityProjection municipalities) {
        this.rows = rows;
        this.recorded = recorded;
        this.municipalities = municipalities;
    }

    @GetMapping("/plans")
    @Operation(summary = "Every plan of a municipality",
            description = "Each plan's id, name, period, state in the fiscal year of the answer (計画期間前, "
                    + "計画期間中, 計画期間終了), item counts (per level of the tree too), KPIs and closed years.")
    @ApiResponse(responseCode = "200", description = "The plans, in the order of their ids")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    PlanList plans(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            AsOfTime asOf) {
        MunicipalityCode municipality = registered(actor, code, asOf);
        return new PlanList(municipality.value(), PlanReading.summaries(rows.of(municipality, asOf.instant()),
                municipality.value(), fiscalYearOf(rows.at(asOf.instant()))));
    }

    @GetMapping("/plans.{format}")
    @Operation(summary = "The list of plans as a workbook (xlsx) or CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format is not xlsx or csv")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "No municipality is registered with this code")
    ResponseEntity<byte[]> plansFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        PlanList list = plans(actor, code, asOf);
        return sheetFormat.download(PlanSheets.list(list.municipalityCode(), list.plans()));
    }

    // a plan id has no dot (the command API's rule), so shoko-2023.xlsx is the file, not a plan
    @GetMapping("/plans/{planId:[^.]+}")
    @Operation(summary = "A plan's whole tree (施策体系)",
            description = "Every item in the order the city added it, each under its parent, with its number as "
                    + "written, title, responsible organisations, outlook (展望), flags, focus themes, page, the item "
                    + "it is reported with (再掲), its indicator, and whether it was retired and why.")
    @ApiResponse(responseCode = "200", description = "The plan and its tree")
    @ReadResponses.OfOnePlan
    PlanTree plan(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            AsOfTime asOf) {
        return reading(actor, code, planId, asOf).tree(fiscalYearOf(rows.at(asOf.instant())));
    }

    @GetMapping("/plans/{planId}.{format}")
    @Operation(summary = "A plan's tree (施策体系) as a workbook (xlsx) or CSV (UTF-8 with BOM)",
            description = "One column per level with each item's number and title in its level's column, then "
                    + "展望, flags, focus themes, responsible organisations, page, 再掲, indicator, 関連事務事業, 廃止 "
                    + "and the description.")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format is not xlsx or csv")
    @ReadResponses.OfOnePlan
    ResponseEntity<byte[]> planFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        return sheetFormat.download(PlanSheets.tree(reading(actor, code, planId, asOf)));
    }

    @GetMapping("/plans/{planId}/items/{itemId}")
    @Operation(summary = "One item with its cells and their versions",
            description = "The item as the tree shows it, with the items above and below it, its own version (for "
                    + "revising, moving or retiring it) and every annual target and actual, quarterly status and "
                    + "review sheet recorded for it, each with the version to send as expectedVersion. Read from "
                    + "the recorded events, so it includes a write answered a moment ago.")
    @ApiResponse(responseCode = "200", description = "The item")
    @ReadResponses.OfOnePlan
    @ApiResponse(responseCode = "404", description = "The municipality has no such plan, or the plan no such item")
    ItemView item(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(example = "d1-m1-b1") @PathVariable ItemId itemId,
            AsOfTime asOf) {
        MunicipalityCode municipality = ProgressController.readable(actor, code);
        List<DomainEventMessage<?>> events = recorded.of(municipality, rows.at(asOf.instant()));
        return PlanReading.of(ReplayedRows.of(events), municipality.value(), planId)
                .orElseThrow(() -> new PlanNotFound(municipality, planId))
                .item(itemId, EntryVersions.of(planId, events))
                .orElseThrow(() -> new ItemNotFound(planId, itemId));
    }

    private PlanReading reading(Actor actor, MunicipalityCode code, PlanId planId, AsOfTime asOf) {
        MunicipalityCode municipality = ProgressController.readable(actor, code);
        return PlanReading.of(rows.of(municipality, asOf.instant()), municipality.value(), planId)
                .orElseThrow(() -> new PlanNotFound(municipality, planId));
    }

    /** The municipality of the path, if the caller may read it and it was registered at the time asked. */
    /** The municipality of the path, if the caller may read it and it was registered at the time asked. */
    private MunicipalityCode registered(Actor actor, MunicipalityCode code, AsOfTime asOf) {
        return municipalities.requireRegistered(ProgressController.readable(actor, code), asOf.instant());
    }

    /**
     * The fiscal year a plan's state is told in: the one the instant falls in, in Tokyo. An
     * instant past the years a fiscal year can name (asOf=9999-01-01 asks for the records as they
     * stand) is told in the last of them, where every plan of the records has ended just the same.
     */
    private static FiscalYear fiscalYearOf(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, TokyoTime.ZONE);
        return day.isAfter(FiscalYear.of(FiscalYear.LAST).lastDay()) ? FiscalYear.of(FiscalYear.LAST)
                : FiscalYear.containing(day);
    }

    /** An item the plan does not have. */
    static final class ItemNotFound extends NotFound {

        ItemNotFound(PlanId planId, ItemId itemId) {
            super("plan " + planId + " has no item " + itemId);
        }
    }
}
