package jp.shinko.query.crosscity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.query.crosscity.CrossCityViews.CityYear;
import jp.shinko.query.crosscity.CrossCityViews.Listing;
import jp.shinko.query.crosscity.CrossCityViews.MissingReport;
import jp.shinko.query.crosscity.CrossCityViews.Named;
import jp.shinko.query.crosscity.CrossCityViews.OverdueTally;
import jp.shinko.query.crosscity.CrossCityViews.ThemeTally;
import jp.shinko.query.crosscity.CrossCityViews.ThemedItem;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.CityRows.CityYearPage;
import jp.shinko.query.rows.CityRows.CityYearScope;
import jp.shinko.query.rows.CityYearCount;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.rows.RowKey;

/**
 * The cross-city views, each for the municipalities a caller may read: counts per municipality
 * and fiscal year, items by focus theme, and reports overdue by each municipality's deadlines.
 * Built from live rows or from rows as they stood at an earlier instant, the same way.
 */
final class CrossCityTables {

    /** Missing reports, the longest overdue first; a stable sort keeps each plan's items in plan order. */
    static final Comparator<MissingReport> LONGEST_OVERDUE_FIRST = Comparator.comparing(MissingReport::dueOn)
            .thenComparing(MissingReport::municipalityCode).thenComparing(MissingReport::planId);

    private CrossCityTables() {
    }

    /**
     * One page of the municipality-years in scope: items by rating (in the order of the scheme's
     * bands, every band shown) and rows by status symbol per quarter.
     */
    static Listing<CityYear> cityYears(CityRows rows, CityYearScope scope, int page, int size) {
        CityYearPage counted = rows.cityYearCounts(scope, page, size);
        Map<String, Settings> settings = rows.settingsOf(counted.counts().stream()
                .map(CityYearCount::municipalityCode).collect(Collectors.toSet()));
        Map<String, String> names = rows.municipalityNames();
        Map<String, CityYearCounts> byYear = new LinkedHashMap<>();
        for (CityYearCount count : counted.counts()) {
            CityYearCounts city = byYear.computeIfAbsent(count.municipalityCode() + "|" + count.fiscalYear(),
                    key -> new CityYearCounts(count.municipalityCode(), count.fiscalYear(),
                            schemeOf(settings, count.municipalityCode(), count.fiscalYear())));
            if (count.kind().equals(CityYearCount.RATING)) {
                city.ratings.merge(count.label(), count.count(), Long::sum);
            } else {
                city.statusSymbols.computeIfAbsent(Quarter.of(count.quarter()).japanese(), quarter -> new TreeMap<>())
                        .merge(count.label(), count.count(), Long::sum);
            }
        }
        return new Listing<>(byYear.values().stream().map(city -> city.view(names)).toList(), page, size,
                counted.totalItems());
    }

    /** Items tagged with a focus theme (or with any, when none is named) in every readable city's plans. */
    static List<ThemedItem> themedItems(CityRows rows, Predicate<String> readable, Optional<String> theme) {
        Map<String, String> names = rows.municipalityNames();
        Map<String, String> planNames = rows.listAcrossMunicipalities(RowKey.PLAN, Plan.class).stream()
                .collect(Collectors.toMap(plan -> plan.municipalityCode() + "|" + plan.planId(), Plan::name));
        return rows.themedItems(theme).stream()
                .filter(item -> readable.test(item.municipalityCode().value()))
                .sorted(Comparator.comparing((Item item) -> item.municipalityCode().value())
                        .thenComparing(Item::planId).thenComparingLong(Item::position))
                .map(item -> new ThemedItem(item.municipalityCode().value(),
                        names.get(item.municipalityCode().value()), item.planId(),
                        planNames.get(item.municipalityCode() + "|" + item.planId()), item.itemId(),
                        item.content().number(), item.content().title(), item.content().responsibleOrganisations(),
                        item.content().focusThemes(), item.retired()))
                .toList();
    }

    /**
     * Reports overdue on a day (Asia/Tokyo) by each municipality's deadlines, in the years of each
     * plan's period: in a plan that reports quarterly (it has any status), a status for every
     * quarter of every row (item and organisation) of each item that is reported on its own (not
     * retired, no items under it, not 再掲); an actual for every fiscal year of every item with an
     * indicator that is not retired.
     */
    static List<MissingReport> missingReports(CityRows rows, Instant at, Predicate<String> readable,
            Optional<FiscalYear> onlyYear) {
        List<MissingReport> missing = new ArrayList<>();
        eachMissingReport(rows, at, readable, onlyYear, missing::add);
        missing.sort(LONGEST_OVERDUE_FIRST);
        return missing;
    }

    /**
     * Per municipality with any, in code order: how many reports are overdue ({@link #missingReports}
     * of the kind asked for, or of both), and the oldest deadline among them. Counted as the reports
     * are found, so the reports of every municipality are never held together.
     */
    static List<OverdueTally> overdueTallies(CityRows rows, Instant at, Predicate<String> readable,
            Optional<FiscalYear> onlyYear, Optional<String> kind) {
        Map<String, OverdueTally> tallies = new TreeMap<>();
        eachMissingReport(rows, at, readable, onlyYear, report -> {
            if (kind.map(report.kind()::equals).orElse(true)) {
                tallies.merge(report.municipalityCode(), OverdueTally.of(report), OverdueTally::plus);
            }
        });
        return List.copyOf(tallies.values());
    }

    private static void eachMissingReport(CityRows rows, Instant at, Predicate<String> readable,
            Optional<FiscalYear> onlyYear, Consumer<MissingReport> missing) {
        LocalDate today = LocalDate.ofInstant(at, TokyoTime.ZONE);
        Map<String, String> names = rows.municipalityNames();
        Map<String, Settings> settings = settings(rows);
        for (Plan plan : rows.listAcrossMunicipalities(RowKey.PLAN, Plan.class)) {
            if (readable.test(plan.municipalityCode().value())) {
                new PlanReports(plan, rows, names.get(plan.municipalityCode().value()),
                        settingsOf(settings, plan.municipalityCode()).deadlines(), today)
                        .missing(onlyYear, missing);
            }
        }
    }

    /**
     * Per focus theme, in the order of the themes' text: how many items name it among those
     * {@link #themedItems} answers, and the municipalities they are in, in code order.
     */
    static List<ThemeTally> themeTallies(CityRows rows, Predicate<String> readable) {
        Map<String, String> names = rows.municipalityNames();
        Map<String, Long> items = new TreeMap<>();
        Map<String, Set<String>> municipalities = new HashMap<>();
        for (Item item : rows.themedItems(Optional.empty())) {
            String code = item.municipalityCode().value();
            if (readable.test(code)) {
                for (String theme : item.content().focusThemes()) {
                    items.merge(theme, 1L, Long::sum);
                    municipalities.computeIfAbsent(theme, named -> new TreeSet<>()).add(code);
                }
            }
        }
        return items.entrySet().stream().map(theme -> new ThemeTally(theme.getKey(), theme.getValue(),
                municipalities.get(theme.getKey()).stream().map(code -> new Named(code, names.get(code))).toList()))
                .toList();
    }

    private static Map<String, Settings> settings(CityRows rows) {
        return rows.listAcrossMunicipalities(RowKey.SETTINGS, Settings.class).stream()
                .collect(Collectors.toMap(settings -> settings.municipalityCode().value(), settings -> settings));
    }

    private static RatingScheme schemeOf(Map<String, Settings> settings, String municipality, int fiscalYear) {
        return settingsOf(settings, MunicipalityCode.of(municipality)).schemeFor(FiscalYear.of(fiscalYear));
    }

    private static Settings settingsOf(Map<String, Settings> settings, MunicipalityCode municipality) {
        return settings.getOrDefault(municipality.value(), Settings.defaults(municipality));
    }

    /** The counts of one municipality's fiscal year as they add up. */
    private static final class CityYearCounts {

        private final String municipalityCode;
        private final int fiscalYear;
        private final Map<String, Long> ratings = new HashMap<>();
        private final Map<String, Map<String, Long>> statusSymbols = new TreeMap<>();
        private final RatingScheme scheme;

        CityYearCounts(String municipalityCode, int fiscalYear, RatingScheme scheme) {
            this.municipalityCode = municipalityCode;
            this.fiscalYear = fiscalYear;
            this.scheme = scheme;
        }

        /** Ratings in the order of the scheme's bands, every band shown even when none has it. */
        CityYear view(Map<String, String> names) {
            Map<String, Long> byBand = new LinkedHashMap<>();
            scheme.bands().forEach(band -> byBand.put(band.label(), ratings.getOrDefault(band.label(), 0L)));
            return new CityYear(municipalityCode, names.get(municipalityCode), fiscalYear,
                    FiscalYear.of(fiscalYear).japanese(), byBand, ratings.getOrDefault(CityYearCount.NOT_RATED, 0L),
                    statusSymbols);
        }
    }

    /** What a plan has reported, to find what it has not by the municipality's deadlines. */
    private static final class PlanReports {

        private final Plan plan;
        private final String municipalityName;
        private final ReportingDeadlines deadlines;
        private final LocalDate today;
        private final List<Item> items;
        private final Set<ItemId> parents;
        /** The row ids of the plan's statuses: {@link EntryRef.QuarterStatus#rowKey()}. */
        private final Set<String> statuses;
        private final Set<EntryRef> actuals = new HashSet<>();

        PlanReports(Plan plan, CityRows rows, String municipalityName, ReportingDeadlines deadlines,
                LocalDate today) {
            this.plan = plan;
            this.municipalityName = municipalityName;
            this.deadlines = deadlines;
            this.today = today;
            String code = plan.municipalityCode().value();
            items = rows.list(code, plan.planId(), RowKey.ITEM, Item.class).stream()
                    .sorted(Comparator.comparingLong(Item::position)).toList();
            parents = items.stream().map(Item::parentItemId).filter(Objects::nonNull).collect(Collectors.toSet());
            statuses = rows.rowIds(code, plan.planId(), RowKey.STATUS);
            // a year with no target on purpose expects no actual: it counts as answered
            rows.list(code, plan.planId(), RowKey.FIGURE, Figure.class).stream()
                    .filter(figure -> figure.actual() != null || figure.noTargetReason() != null)
                    .forEach(figure -> actuals.add(new EntryRef.AnnualFigure(figure.itemId(), figure.fiscalYear(),
                            EntryRef.Figure.ACTUAL)));
        }

        void missing(Optional<FiscalYear> onlyYear, Consumer<MissingReport> missing) {
            for (FiscalYear year = plan.fromFiscalYear(); !year.isAfter(plan.lastFiscalYear()); year = year.next()) {
                if (onlyYear.map(year::equals).orElse(true)) {
                    if (!statuses.isEmpty()) {
                        missingStatuses(year, missing);
                    }
                    missingActuals(year, missing);
                }
            }
        }

        /** The quarters past their deadline of each row that stands on its own, without a status. */
        private void missingStatuses(FiscalYear year, Consumer<MissingReport> missing) {
            for (int number = 1; number <= 4; number++) {
                Quarter quarter = Quarter.of(number);
                LocalDate due = deadlines.statusDue(year, quarter);
                if (ReportingDeadlines.daysOverdue(due, today) <= 0) {
                    continue;
                }
                for (Item item : items) {
                    if (item.retired() || parents.contains(item.itemId())
                            || item.content().reportedWithItemId() != null) {
                        continue;
                    }
                    for (String organisation : item.content().responsibleOrganisations()) {
                        String status = new EntryRef.QuarterStatus(item.itemId(), organisation, year, quarter)
                                .rowKey();
                        if (!statuses.contains(status)) {
                            missing.accept(report(item, "status", organisation, year, number,
                                    year.japanese() + " " + quarter.japanese(), due));
                        }
                    }
                }
            }
        }

        /** The year, if past its deadline, of each item with an indicator that has no actual for it. */
        private void missingActuals(FiscalYear year, Consumer<MissingReport> missing) {
            LocalDate due = deadlines.actualDue(year);
            if (ReportingDeadlines.daysOverdue(due, today) <= 0) {
                return;
            }
            for (Item item : items) {
                if (item.indicator() != null && !item.retired() && !actuals.contains(
                        new EntryRef.AnnualFigure(item.itemId(), year, EntryRef.Figure.ACTUAL))) {
                    missing.accept(report(item, "actual", null, year, null, year.japanese(), due));
                }
            }
        }

        private MissingReport report(Item item, String kind, String organisation, FiscalYear year, Integer quarter,
                String period, LocalDate due) {
            return new MissingReport(plan.municipalityCode().value(), municipalityName, plan.planId(), item.itemId(),
                    item.content().number(), item.content().title(), kind, organisation, year.value(),
                    year.japanese(), quarter, period, due, ReportingDeadlines.daysOverdue(due, today));
        }
    }
}
