package jp.shinko.query.crosscity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
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
     * Reports overdue on a day (Asia/Tokyo) by each municipality's deadlines ({@link PlanReports}
     * says which reports a plan expects), the longest overdue first.
     */
    static List<MissingReport> missingReports(CityRows rows, Instant at, Predicate<String> readable,
            Optional<FiscalYear> onlyYear) {
        return missingReports(rows, rows.listAcrossMunicipalities(RowKey.PLAN, Plan.class), rows.deadlines(), at,
                readable, onlyYear);
    }

    /**
     * The same, from the live rows: only the plans whose digest has a report overdue are read,
     * instead of every plan's items, statuses and figures.
     */
    static List<MissingReport> missingReports(CityRows rows, List<PlanDigest.Of> digests, Instant at,
            Predicate<String> readable, Optional<FiscalYear> onlyYear) {
        LocalDate today = LocalDate.ofInstant(at, TokyoTime.ZONE);
        Map<String, ReportingDeadlines> everyDeadlines = rows.deadlines();
        List<Plan> plans = new ArrayList<>();
        for (PlanDigest.Of plan : digests) {
            if (!readable.test(plan.municipalityCode())) {
                continue;
            }
            ReportingDeadlines deadlines = deadlinesOf(everyDeadlines, plan.municipalityCode());
            if (plan.digest().gaps().stream()
                    .anyMatch(gap -> overdue(gap, deadlines, today, onlyYear, Optional.empty()))) {
                rows.find(new RowKey(plan.municipalityCode(), plan.planId(), RowKey.PLAN, plan.planId()))
                        .map(Plan.class::cast).ifPresent(plans::add);
            }
        }
        return missingReports(rows, plans, everyDeadlines, at, readable, onlyYear);
    }

    private static List<MissingReport> missingReports(CityRows rows, List<Plan> plans,
            Map<String, ReportingDeadlines> everyDeadlines, Instant at, Predicate<String> readable,
            Optional<FiscalYear> onlyYear) {
        LocalDate today = LocalDate.ofInstant(at, TokyoTime.ZONE);
        Map<String, String> names = rows.municipalityNames();
        List<MissingReport> missing = new ArrayList<>();
        for (Plan plan : plans) {
            String code = plan.municipalityCode().value();
            if (!readable.test(code)) {
                continue;
            }
            ReportingDeadlines deadlines = deadlinesOf(everyDeadlines, code);
            new PlanReports(plan, rows).unreported(onlyYear,
                    (year, quarter) -> ReportingDeadlines.daysOverdue(PlanReports.dueOn(deadlines, year, quarter),
                            today) > 0,
                    (item, kind, organisation, year, quarter) -> {
                        LocalDate due = PlanReports.dueOn(deadlines, year, quarter);
                        missing.add(new MissingReport(code, names.get(code), plan.planId(), item.itemId(),
                                item.content().number(), item.content().title(), kind, organisation, year.value(),
                                year.japanese(), quarter == null ? null : quarter.number(),
                                quarter == null ? year.japanese() : year.japanese() + " " + quarter.japanese(), due,
                                ReportingDeadlines.daysOverdue(due, today)));
                    });
        }
        missing.sort(LONGEST_OVERDUE_FIRST);
        return missing;
    }

    /**
     * Per municipality with any, in code order: how many reports are overdue ({@link #missingReports}
     * of the kind asked for, or of both), and the oldest deadline among them, added up from the
     * plans' digests.
     */
    static List<OverdueTally> overdueTallies(CityRows rows, List<PlanDigest.Of> digests, Instant at,
            Predicate<String> readable, Optional<FiscalYear> onlyYear, Optional<String> kind) {
        LocalDate today = LocalDate.ofInstant(at, TokyoTime.ZONE);
        Map<String, String> names = rows.municipalityNames();
        Map<String, ReportingDeadlines> everyDeadlines = rows.deadlines();
        Map<String, OverdueTally> tallies = new TreeMap<>();
        for (PlanDigest.Of plan : digests) {
            String code = plan.municipalityCode();
            if (!readable.test(code)) {
                continue;
            }
            ReportingDeadlines deadlines = deadlinesOf(everyDeadlines, code);
            for (PlanDigest.ReportGap gap : plan.digest().gaps()) {
                if (overdue(gap, deadlines, today, onlyYear, kind)) {
                    LocalDate due = gap.dueOn(deadlines);
                    boolean status = gap.kind().equals(PlanReports.STATUS);
                    tallies.merge(code, new OverdueTally(code, names.get(code), gap.count(), status ? gap.count() : 0,
                            status ? 0 : gap.count(), due, ReportingDeadlines.daysOverdue(due, today)),
                            OverdueTally::plus);
                }
            }
        }
        return List.copyOf(tallies.values());
    }

    private static boolean overdue(PlanDigest.ReportGap gap, ReportingDeadlines deadlines, LocalDate today,
            Optional<FiscalYear> onlyYear, Optional<String> kind) {
        return gap.count() > 0 && onlyYear.map(year -> year.value() == gap.fiscalYear()).orElse(true)
                && kind.map(gap.kind()::equals).orElse(true)
                && ReportingDeadlines.daysOverdue(gap.dueOn(deadlines), today) > 0;
    }

    /**
     * Per focus theme, in the order of the themes' text: how many items name it among those
     * {@link #themedItems} answers, and the municipalities they are in, in code order; added up
     * from the plans' digests.
     */
    static List<ThemeTally> themeTallies(CityRows rows, List<PlanDigest.Of> digests, Predicate<String> readable) {
        Map<String, String> names = rows.municipalityNames();
        Map<String, Long> items = new TreeMap<>();
        Map<String, Set<String>> municipalities = new HashMap<>();
        for (PlanDigest.Of plan : digests) {
            String code = plan.municipalityCode();
            if (readable.test(code)) {
                plan.digest().themes().forEach((theme, count) -> {
                    items.merge(theme, count, Long::sum);
                    municipalities.computeIfAbsent(theme, named -> new TreeSet<>()).add(code);
                });
            }
        }
        return items.entrySet().stream().map(theme -> new ThemeTally(theme.getKey(), theme.getValue(),
                municipalities.get(theme.getKey()).stream().map(code -> new Named(code, names.get(code))).toList()))
                .toList();
    }

    private static RatingScheme schemeOf(Map<String, Settings> settings, String municipality, int fiscalYear) {
        return settingsOf(settings, MunicipalityCode.of(municipality)).schemeFor(FiscalYear.of(fiscalYear));
    }

    /** A municipality's deadlines: those it adopted, or the default ones. */
    private static ReportingDeadlines deadlinesOf(Map<String, ReportingDeadlines> deadlines, String municipality) {
        return deadlines.getOrDefault(municipality, ReportingDeadlines.DEFAULT);
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
}
