package jp.shinko.query.tables;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.export.SheetFormat;
import jp.shinko.query.problem.NotFound;
import jp.shinko.query.tables.ProgressViews.AnnualRow;
import jp.shinko.query.tables.ProgressViews.FiscalYearChoice;
import jp.shinko.query.tables.ProgressViews.ItemHistory;
import jp.shinko.query.tables.ProgressViews.KpiHistory;
import jp.shinko.query.tables.ProgressViews.KpiLine;
import jp.shinko.query.tables.ProgressViews.NarrativeSheet;
import jp.shinko.query.tables.ProgressViews.Page;
import jp.shinko.query.tables.ProgressViews.QuarterlyRow;
import jp.shinko.query.web.Paging;
import jp.shinko.query.web.ReadResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's progress tables in the shape of each city's own: annual targets and actuals with
 * ratings, quarterly statuses, KPIs, review sheets. Paged; a municipal role reads only its own
 * municipality's.
 */
@RestController
@RequestMapping("/municipalities/{code}/plans/{planId}/progress")
public class ProgressController {

    private final RowsAsOf rows;

    ProgressController(RowsAsOf rows) {
        this.rows = rows;
    }

    @GetMapping("/annual")
    @Operation(summary = "Annual targets and actuals with achievement and rating (Akiruno's table)",
            description = "Every item with an indicator; per fiscal year its target, actual, achievement rate "
                    + "and rating by the municipality's scheme for that year.")
    @ApiResponse(responseCode = "200", description = "One page of rows")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ReadResponses.OfOnePlan
    Page<AnnualRow> annual(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(description = "Only this fiscal year: 2025, R7 or 令和7")
            @RequestParam Optional<FiscalYear> fiscalYear,
            @Parameter(description = "Only items this organisation is responsible for (by any of its names in "
                    + "the municipality's register)", example = "Bi@Sta")
            @RequestParam Optional<String> organisation,
            @Parameter(description = "Only items rated so (in the fiscal year asked for, or in any)", example = "C")
            @RequestParam Optional<String> rating,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        ProgressTables tables = tables(actor, code, planId, asOf, page, size);
        Optional<FiscalYear> year = fiscalYear;
        OrganisationRegister register = tables.settings().organisations();
        Optional<String> organisationWanted = organisation.filter(name -> !name.isBlank());
        return Page.of(tables, year.map(ProgressController::choice).orElse(FiscalYearChoice.ALL),
                tables.annual(year).stream()
                        .filter(row -> organisationWanted.map(wanted -> row.organisations().stream()
                                .anyMatch(name -> register.same(wanted, name))).orElse(true))
                        .filter(row -> rating.map(wanted -> row.years().stream()
                                .anyMatch(figures -> wanted.equals(figures.ratingThatCounts()))).orElse(true))
                        .toList(), page, size);
    }

    @GetMapping("/quarterly")
    @Operation(summary = "Quarterly statuses (Musashino's table)",
            description = "Each item row of each responsible organisation with its four quarters' symbols, "
                    + "the reason code, the remark and whether it is a priority business.")
    @ApiResponse(responseCode = "200", description = "One page of rows")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ReadResponses.OfOnePlan
    Page<QuarterlyRow> quarterly(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "sangyo-2") @PathVariable PlanId planId,
            @Parameter(description = "The fiscal year: 2023, R5 or 令和5", example = "R5")
            @RequestParam FiscalYear fiscalYear,
            @Parameter(description = "Only this organisation's rows (by any of its names in the municipality's "
                    + "register)", example = "商工会議所")
            @RequestParam Optional<String> organisation,
            @Parameter(description = "Only rows with this symbol in any quarter", example = "△")
            @RequestParam Optional<String> symbol,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        ProgressTables tables = tables(actor, code, planId, asOf, page, size);
        FiscalYear year = fiscalYear;
        OrganisationRegister register = tables.settings().organisations();
        Optional<String> organisationWanted = organisation.filter(name -> !name.isBlank());
        return Page.of(tables, choice(year), tables.quarterly(year).stream()
                .filter(row -> organisationWanted.map(wanted -> register.same(wanted, row.organisation()))
                        .orElse(true))
                .filter(row -> symbol.map(row.quarters()::contains).orElse(true))
                .toList(), page, size);
    }

    @GetMapping("/kpis")
    @Operation(summary = "KPIs with baseline, latest figure, target and standing (Tama's table)")
    @ApiResponse(responseCode = "200", description = "One page of KPIs")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ReadResponses.OfOnePlan
    Page<KpiLine> kpis(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "master-2025") @PathVariable PlanId planId,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        ProgressTables tables = tables(actor, code, planId, asOf, page, size);
        return Page.of(tables, FiscalYearChoice.ALL, tables.kpis(), page, size);
    }

    @GetMapping("/narratives")
    @Operation(summary = "Review sheets of a fiscal year (Tama's sheets)")
    @ApiResponse(responseCode = "200", description = "One page of sheets")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ReadResponses.OfOnePlan
    Page<NarrativeSheet> narratives(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "master-2025") @PathVariable PlanId planId,
            @Parameter(description = "The fiscal year: 2025, R7 or 令和7", example = "R7")
            @RequestParam FiscalYear fiscalYear,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        ProgressTables tables = tables(actor, code, planId, asOf, page, size);
        FiscalYear year = fiscalYear;
        return Page.of(tables, choice(year), tables.narratives(year), page, size);
    }

    @GetMapping("/annual.{format}")
    @Operation(summary = "Akiruno's table as a workbook (xlsx) or CSV (UTF-8 with BOM)",
            description = "The annual table with Japanese headings, 令和N年度 over each year's 年間目標, 実績, 達成率 and 評価.")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format or another parameter is invalid")
    @ReadResponses.OfOnePlan
    ResponseEntity<byte[]> annualFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(description = "Only this fiscal year: 2025, R7 or 令和7")
            @RequestParam Optional<FiscalYear> fiscalYear,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        ProgressTables tables = tables(actor, code, planId, asOf);
        Optional<FiscalYear> year = fiscalYear;
        return sheetFormat.download(ProgressSheets.annual(tables, year, tables.annual(year)));
    }

    @GetMapping("/quarterly.{format}")
    @Operation(summary = "Musashino's table of a fiscal year as a workbook (xlsx) or CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format or another parameter is invalid")
    @ReadResponses.OfOnePlan
    ResponseEntity<byte[]> quarterlyFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132039") @PathVariable MunicipalityCode code,
            @Parameter(example = "sangyo-2") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(description = "The fiscal year: 2023, R5 or 令和5", example = "R5")
            @RequestParam FiscalYear fiscalYear,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        ProgressTables tables = tables(actor, code, planId, asOf);
        FiscalYear year = fiscalYear;
        return sheetFormat.download(ProgressSheets.quarterly(tables, year, tables.quarterly(year)));
    }

    @GetMapping("/kpis.{format}")
    @Operation(summary = "Tama's KPI table as a workbook (xlsx) or CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format is invalid")
    @ReadResponses.OfOnePlan
    ResponseEntity<byte[]> kpisFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "master-2025") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        ProgressTables tables = tables(actor, code, planId, asOf);
        return sheetFormat.download(ProgressSheets.kpis(tables, tables.kpis()));
    }

    @GetMapping("/narratives.{format}")
    @Operation(summary = "Tama's review sheets of a fiscal year as a workbook (xlsx) or CSV (UTF-8 with BOM)")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "400", description = "The format or another parameter is invalid")
    @ReadResponses.OfOnePlan
    ResponseEntity<byte[]> narrativesFile(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "master-2025") @PathVariable PlanId planId,
            @Parameter(description = "xlsx or csv", example = "xlsx") @PathVariable String format,
            @Parameter(description = "The fiscal year: 2025, R7 or 令和7", example = "R7")
            @RequestParam FiscalYear fiscalYear,
            AsOfTime asOf) {
        SheetFormat sheetFormat = SheetFormat.of(format);
        ProgressTables tables = tables(actor, code, planId, asOf);
        FiscalYear year = fiscalYear;
        return sheetFormat.download(ProgressSheets.narratives(tables, year, tables.narratives(year)));
    }

    @GetMapping("/history/items/{itemId}")
    @Operation(summary = "An item's year-over-year history",
            description = "Every fiscal year's target, actual, achievement rate and rating, with the change from the "
                    + "year before, and each organisation's quarterly statuses of that year.")
    @ApiResponse(responseCode = "200", description = "The item's years")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "The municipality has no such plan, or the plan no such item")
    ItemHistory itemHistory(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132284") @PathVariable MunicipalityCode code,
            @Parameter(example = "shoko-2023") @PathVariable PlanId planId,
            @Parameter(example = "d1-m1-b1") @PathVariable ItemId itemId,
            AsOfTime asOf) {
        return tables(actor, code, planId, asOf).itemHistory(itemId)
                .orElseThrow(() -> new NotInPlan(planId, "item", itemId));
    }

    @GetMapping("/history/kpis/{kpiId}")
    @Operation(summary = "A KPI's history",
            description = "Every published figure in reference order, with its change from the one before (the "
                    + "baseline for the first) and where the KPI stood with it.")
    @ApiResponse(responseCode = "200", description = "The KPI's figures")
    @ReadResponses.OfOneMunicipality
    @ApiResponse(responseCode = "404", description = "The municipality has no such plan, or the plan no such KPI")
    KpiHistory kpiHistory(@AuthenticationPrincipal Actor actor,
            @Parameter(example = "132241") @PathVariable MunicipalityCode code,
            @Parameter(example = "master-2025") @PathVariable PlanId planId,
            @Parameter(example = "kpi-1") @PathVariable KpiId kpiId,
            AsOfTime asOf) {
        return tables(actor, code, planId, asOf).kpiHistory(kpiId)
                .orElseThrow(() -> new NotInPlan(planId, "KPI", kpiId));
    }

    private ProgressTables tables(Actor actor, MunicipalityCode code, PlanId planId, AsOfTime asOf, int page,
            int size) {
        Paging.check(page, size);
        return tables(actor, code, planId, asOf);
    }

    private ProgressTables tables(Actor actor, MunicipalityCode code, PlanId planId, AsOfTime asOf) {
        MunicipalityCode municipality = readable(actor, code);
        return ProgressTables.of(rows.of(municipality, asOf.instant()), municipality, planId)
                .orElseThrow(() -> new PlanNotFound(municipality, planId));
    }

    /** The municipality of the path, if the caller may read it. */
    public static MunicipalityCode readable(Actor actor, MunicipalityCode code) {
        MunicipalityCode municipality = code;
        if (!actor.mayRead(municipality)) {
            throw AccessRefused.toRead(actor, municipality);
        }
        return municipality;
    }

    private static FiscalYearChoice choice(FiscalYear year) {
        return new FiscalYearChoice(year.value(), year.japanese());
    }

    /** A plan the municipality has not adopted. */
    public static final class PlanNotFound extends NotFound {

        public PlanNotFound(MunicipalityCode municipality, PlanId planId) {
            super("municipality " + municipality + " has no plan " + planId);
        }
    }

    /** An item or KPI the plan does not have. */
    static final class NotInPlan extends NotFound {

        NotInPlan(PlanId planId, String what, Object id) {
            super("plan " + planId + " has no " + what + " " + id);
        }
    }
}
