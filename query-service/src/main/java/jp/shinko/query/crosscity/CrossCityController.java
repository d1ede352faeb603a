package jp.shinko.query.crosscity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import jp.shinko.events.InvalidField;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.InvalidMunicipalityCode;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.query.asof.AsOfTime;
import jp.shinko.query.asof.RowsAsOf;
import jp.shinko.query.crosscity.CrossCityViews.CityYear;
import jp.shinko.query.crosscity.CrossCityViews.Listing;
import jp.shinko.query.crosscity.CrossCityViews.MissingReport;
import jp.shinko.query.crosscity.CrossCityViews.OverdueTally;
import jp.shinko.query.crosscity.CrossCityViews.ThemeTally;
import jp.shinko.query.crosscity.CrossCityViews.ThemedItem;
import jp.shinko.query.crosscity.CrossCityViews.Whole;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.CityRows.CityYearScope;
import jp.shinko.query.web.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metropolitan government's views across cities. A metro analyst, auditor or admin sees
 * every municipality; a municipal role sees only its own in the same views.
 */
@RestController
@RequestMapping("/cross-city")
class CrossCityController {

    private static final List<String> MISSING_KINDS = List.of(PlanReports.STATUS, PlanReports.ACTUAL);

    private final RowsAsOf rows;
    private final PlanDigests digests;

    CrossCityController(RowsAsOf rows, PlanDigests digests) {
        this.rows = rows;
        this.digests = digests;
    }

    @GetMapping("/summary")
    @Operation(summary = "Per municipality and fiscal year: items by rating, rows by status symbol per quarter",
            description = "Ratings by each municipality's scheme for the year; 未評価 counts figures without an actual "
                    + "or with a target of 0.")
    @ApiResponse(responseCode = "200", description = "One page of municipality-years")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    Listing<CityYear> summary(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "Only this fiscal year: 2023, R5 or 令和5")
            @RequestParam Optional<FiscalYear> fiscalYear,
            @Parameter(description = "Only this municipality") @RequestParam Optional<String> municipality,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        Optional<MunicipalityCode> only = only(municipality);
        Optional<MunicipalityCode> one = rows.scopeOf(actor, only);
        if (one.isPresent() && !readable(actor, only).test(one.get().value())) {
            return Listing.of(List.of(), page, size);
        }
        CityYearScope scope = new CityYearScope(one.map(MunicipalityCode::value), fiscalYear.map(FiscalYear::value));
        return rows.whole(actor, only, asOf.instant())
                .map(city -> CrossCityTables.cityYears(city, scope, page, size))
                .orElseGet(() -> Listing.of(rows.across(actor, only, asOf.instant(),
                        city -> CrossCityTables.cityYears(city, scope, 0, Integer.MAX_VALUE).items()), page, size));
    }

    @GetMapping("/focus-themes")
    @Operation(summary = "Items tagged with a focus theme across all cities' plans",
            description = "Without a theme, every item that has any.")
    @ApiResponse(responseCode = "200", description = "One page of items")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    Listing<ThemedItem> focusThemes(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "The theme, as the plans write it", example = "DX") @RequestParam
            Optional<String> theme,
            @Parameter(description = "Only this municipality") @RequestParam Optional<String> municipality,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        Optional<MunicipalityCode> only = only(municipality);
        Optional<String> wanted = theme.map(String::strip).filter(text -> !text.isEmpty());
        return Listing.of(rows.across(actor, only, asOf.instant(),
                city -> CrossCityTables.themedItems(city, readable(actor, only), wanted)), page, size);
    }

    @GetMapping("/focus-themes/by-theme")
    @Operation(summary = "Per focus theme: how many items name it, and in which municipalities",
            description = "The items of /cross-city/focus-themes counted by theme, in the order of the themes' "
                    + "text. One row per theme, not paged.")
    @ApiResponse(responseCode = "200", description = "Every theme")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    Whole<ThemeTally> themesByTheme(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "Only this municipality") @RequestParam Optional<String> municipality,
            AsOfTime asOf) {
        Optional<MunicipalityCode> only = only(municipality);
        // as of a past instant, every municipality's rows are read one at a time: a theme's counts add up across them
        Map<String, ThemeTally> tallies = new TreeMap<>();
        fromDigests(actor, only, asOf.instant(), (city, plans) -> CrossCityTables.themeTallies(city, plans,
                readable(actor, only))).forEach(tally -> tallies.merge(tally.theme(), tally, ThemeTally::plus));
        return Whole.of(List.copyOf(tallies.values()));
    }

    @GetMapping("/missing-reports")
    @Operation(summary = "Reports overdue by each municipality's deadlines",
            description = "A quarter's status of each row of a plan that reports quarterly, and a fiscal year's actual "
                    + "of each item with an indicator, not entered by the deadline (PUT "
                    + "/municipalities/{code}/reporting-deadlines on the command service; 30 days after a quarter "
                    + "and 90 after a fiscal year until adopted). Today is in Asia/Tokyo.")
    @ApiResponse(responseCode = "200", description = "One page of overdue reports, the longest overdue first")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    Listing<MissingReport> missingReports(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "Only this fiscal year: 2023, R5 or 令和5")
            @RequestParam Optional<FiscalYear> fiscalYear,
            @Parameter(description = "Only this municipality") @RequestParam Optional<String> municipality,
            @Parameter(description = "Only statuses or only actuals", example = "status") @RequestParam
            Optional<String> kind,
            AsOfTime asOf,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size);
        checkKind(kind);
        Optional<MunicipalityCode> only = only(municipality);
        Optional<Instant> at = asOf.instant();
        Instant today = rows.at(at);
        List<MissingReport> missing = new ArrayList<>(at.isPresent()
                ? rows.across(actor, only, at, city -> CrossCityTables.missingReports(city, today,
                        readable(actor, only), fiscalYear))
                : fromDigests(actor, only, at, (city, plans) -> CrossCityTables.missingReports(city, plans, today,
                        readable(actor, only), fiscalYear)));
        missing.sort(CrossCityTables.LONGEST_OVERDUE_FIRST); // each municipality's list is; together they are not
        return Listing.of(missing.stream().filter(report -> kind.map(report.kind()::equals).orElse(true)).toList(),
                page, size);
    }

    @GetMapping("/missing-reports/by-municipality")
    @Operation(summary = "Per municipality: how many reports are overdue, and the oldest deadline",
            description = "The reports of /cross-city/missing-reports counted per municipality with any, in code "
                    + "order: of both kinds and of each, the oldest deadline and how many days ago it was. One row "
                    + "per municipality, not paged.")
    @ApiResponse(responseCode = "200", description = "Every municipality with an overdue report")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    Whole<OverdueTally> missingReportsByMunicipality(@AuthenticationPrincipal Actor actor,
            @Parameter(description = "Only this fiscal year: 2023, R5 or 令和5")
            @RequestParam Optional<FiscalYear> fiscalYear,
            @Parameter(description = "Only this municipality") @RequestParam Optional<String> municipality,
            @Parameter(description = "Only statuses or only actuals", example = "status") @RequestParam
            Optional<String> kind,
            AsOfTime asOf) {
        checkKind(kind);
        Optional<MunicipalityCode> only = only(municipality);
        Optional<Instant> at = asOf.instant();
        Instant today = rows.at(at);
        return Whole.of(fromDigests(actor, only, at, (city, plans) -> CrossCityTables.overdueTallies(city, plans,
                today, readable(actor, only), fiscalYear, kind)));
    }

    /**
     * A view made from the plans' digests: the live ones kept in the database, or, at a past
     * instant, each municipality's computed from its rows as they stood then.
     */
    private <T> List<T> fromDigests(Actor actor, Optional<MunicipalityCode> only, Optional<Instant> at,
            BiFunction<CityRows, List<PlanDigest.Of>, List<T>> view) {
        if (at.isEmpty()) {
            CityRows live = rows.whole(actor, only, at).orElseThrow();
            return view.apply(live, digests.live(live, rows.scopeOf(actor, only)));
        }
        return rows.across(actor, only, at, city -> view.apply(city, PlanDigest.all(city)));
    }

    private static void checkKind(Optional<String> kind) {
        kind.filter(wanted -> !MISSING_KINDS.contains(wanted)).ifPresent(wanted -> {
            throw new InvalidField("kind", wanted, "a missing report is of kind status or actual");
        });
    }

    private static Optional<MunicipalityCode> only(Optional<String> municipality) {
        return municipality.map(code -> {
            try {
                return MunicipalityCode.of(code);
            } catch (InvalidMunicipalityCode invalid) {
                throw new InvalidField("municipality", code, invalid.getMessage());
            }
        });
    }

    /**
     * The municipalities in the answer: the cities the caller may read, or only the one asked for.
     * A prefecture's own programmes (東京都's, 130001) are not one more city to compare: they are in
     * the answer only when asked for by code.
     */
    private static Predicate<String> readable(Actor actor, Optional<MunicipalityCode> only) {
        return code -> actor.mayRead(MunicipalityCode.of(code)) && only.map(wanted -> wanted.value().equals(code))
                .orElseGet(() -> !MunicipalityCode.of(code).isPrefecture());
    }
}
