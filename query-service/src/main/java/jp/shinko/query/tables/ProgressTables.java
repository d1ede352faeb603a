package jp.shinko.query.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiAssessment;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCode;
import jp.shinko.query.rows.ProgressRow;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Indicator;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Kpi;
import jp.shinko.query.rows.ProgressRow.Narrative;
import jp.shinko.query.rows.ProgressRow.Observation;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.rows.ProgressRow.Status;
import jp.shinko.query.rows.ProgressRows;
import jp.shinko.query.rows.RowKey;
import jp.shinko.query.tables.ProgressViews.AnnualRow;
import jp.shinko.query.tables.ProgressViews.ItemHistory;
import jp.shinko.query.tables.ProgressViews.ItemYear;
import jp.shinko.query.tables.ProgressViews.KpiHistory;
import jp.shinko.query.tables.ProgressViews.KpiLine;
import jp.shinko.query.tables.ProgressViews.KpiPoint;
import jp.shinko.query.tables.ProgressViews.NarrativeSheet;
import jp.shinko.query.tables.ProgressViews.QuarterlyRow;
import jp.shinko.query.tables.ProgressViews.TargetPicture;
import jp.shinko.query.tables.ProgressViews.YearChange;
import jp.shinko.query.tables.ProgressViews.YearFigures;
import jp.shinko.query.tables.ProgressViews.YearSource;
import jp.shinko.query.tables.ProgressViews.YearStatuses;

/**
 * The tables each city used to assemble by hand, built from progress rows: ratings and rates
 * by the city's scheme for the year, KPI standing by {@link KpiAssessment}. The rows may come
 * from PostgreSQL or from memory; the tables are the same either way.
 */
final class ProgressTables {

    private static final Comparator<Observation> BY_REFERENCE =
            Comparator.comparingInt((Observation observation) -> observation.figure().reference().toYear())
                    .thenComparingInt(observation -> observation.figure().reference().fromYear());

    private final ProgressRows rows;
    private final MunicipalityCode municipality;
    private final Plan plan;
    private final Map<ItemId, Item> items = new LinkedHashMap<>();

    private ProgressTables(ProgressRows rows, MunicipalityCode municipality, Plan plan) {
        this.rows = rows;
        this.municipality = municipality;
        this.plan = plan;
        rows.list(municipality.value(), plan.planId(), RowKey.ITEM, Item.class).stream()
                .sorted(Comparator.comparingLong(Item::position))
                .forEach(item -> items.put(item.itemId(), item));
    }

    /** The tables of a plan, or empty if the municipality has no such plan. */
    static Optional<ProgressTables> of(ProgressRows rows, MunicipalityCode municipality, PlanId planId) {
        return rows.find(RowKey.plan(municipality, planId))
                .map(plan -> new ProgressTables(rows, municipality, (Plan) plan));
    }

    Plan plan() {
        return plan;
    }

    /**
     * Target and actual per fiscal year of every item with an indicator, with the city's two text
     * columns: 目標とする姿 and each year's 実施状況・課題 (Akiruno's table).
     */
    List<AnnualRow> annual(Optional<FiscalYear> onlyYear) {
        Settings settings = settings();
        Map<ItemId, List<Figure>> figures = byItem(RowKey.FIGURE, Figure.class, Figure::itemId);
        Map<ItemId, List<Narrative>> texts = byItem(RowKey.NARRATIVE, Narrative.class, Narrative::itemId);
        return items.values().stream()
                .filter(item -> item.indicator() != null)
                .map(item -> new AnnualRow(item.itemId(), path(item), item.content().number(), item.content().title(),
                        item.content().responsibleOrganisations(), flags(item), item.content().pageReference(),
                        item.retired(), item.indicator().name(), item.indicator().unit(),
                        item.indicator().baselineValue(), year(item.indicator().baselineFiscalYear()),
                        targetPicture(texts.getOrDefault(item.itemId(), List.of())),
                        yearsOf(item.itemId(), settings, figures, texts).values().stream()
                                .filter(figure -> onlyYear.map(year -> year.value() == figure.fiscalYear())
                                        .orElse(true))
                                .toList()))
                .toList();
    }

    /** 目標とする姿 as the city last wrote it, for the latest fiscal year it wrote one for. */
    private static TargetPicture targetPicture(List<Narrative> texts) {
        return texts.stream().filter(text -> text.targetPicture() != null)
                .max(Comparator.comparing(Narrative::fiscalYear))
                .map(text -> new TargetPicture(text.fiscalYear().value(), text.fiscalYear().japanese(),
                        text.targetPicture()))
                .orElse(null);
    }

    /** An item's figures and 実施状況・課題 per fiscal year, in year order: a year with either is a year of the item. */
    private Map<FiscalYear, YearFigures> yearsOf(ItemId itemId, Settings settings, Map<ItemId, List<Figure>> figures,
            Map<ItemId, List<Narrative>> texts) {
        Map<FiscalYear, Figure> byYear = new TreeMap<>();
        figures.getOrDefault(itemId, List.of()).forEach(figure -> byYear.put(figure.fiscalYear(), figure));
        Map<FiscalYear, String> statusAndIssues = new TreeMap<>();
        texts.getOrDefault(itemId, List.of()).stream().filter(text -> text.statusAndIssues() != null)
                .forEach(text -> statusAndIssues.put(text.fiscalYear(), text.statusAndIssues()));
        Set<FiscalYear> years = new TreeSet<>(byYear.keySet());
        years.addAll(statusAndIssues.keySet());
        Map<FiscalYear, YearFigures> result = new TreeMap<>();
        years.forEach(year -> result.put(year, yearFigures(year, byYear.get(year), settings.schemeFor(year),
                statusAndIssues.get(year))));
        return result;
    }

    private <R extends ProgressRow> Map<ItemId, List<R>> byItem(String kind, Class<R> type,
            Function<R, ItemId> itemOf) {
        Map<ItemId, List<R>> byItem = new HashMap<>();
        rows.list(municipality.value(), plan.planId(), kind, type)
                .forEach(row -> byItem.computeIfAbsent(itemOf.apply(row), item -> new ArrayList<>()).add(row));
        return byItem;
    }

    /** A year's figures (none recorded yet when {@code figure} is null) rated by the scheme of the year. */
    private YearFigures yearFigures(FiscalYear year, Figure figure, RatingScheme scheme, String statusAndIssues) {
        BigDecimal target = figure == null ? null : figure.target();
        BigDecimal actual = figure == null ? null : figure.actual();
        Optional<RatingBand> rating = scheme.rate(target, actual);
        String cityRating = figure == null ? null : figure.cityRating();
        return new YearFigures(year.value(), year.japanese(), target, actual,
                RatingScheme.achievementPercent(target, actual).orElse(null),
                rating.map(RatingBand::label).orElse(null), rating.map(RatingBand::description).orElse(null),
                cityRating, cityRating == null ? null : scheme.band(cityRating).map(RatingBand::description)
                        .orElse(null), figure == null ? null : figure.cityRatingReason(),
                figure == null ? null : figure.noTargetReason(),
                plan.isClosed(year), figure == null ? null : figure.targetCorrection(),
                figure == null ? null : figure.actualCorrection(), statusAndIssues);
    }

    /** Each item row of each organisation with its four quarters' statuses in a year (Musashino's table). */
    List<QuarterlyRow> quarterly(FiscalYear year) {
        Settings settings = settings();
        return quarters(status -> status.fiscalYear().equals(year)).stream()
                .map(row -> {
                    Status latest = lastOf(row);
                    Item item = items.get(latest.itemId());
                    String reason = reasonCode(row);
                    return new QuarterlyRow(latest.itemId(), path(item), item.content().number(),
                            item.content().title(), latest.organisation(), symbols(row), reason,
                            reasonLabel(settings, reason), latest.remark(), remarks(row), isPriority(item),
                            item.retired());
                })
                .toList();
    }

    /**
     * An item's figures and statuses in every fiscal year side by side, each year with its change
     * from the year before; empty if the plan has no such item.
     */
    Optional<ItemHistory> itemHistory(ItemId itemId) {
        Item item = items.get(itemId);
        if (item == null) {
            return Optional.empty();
        }
        Settings settings = settings();
        Map<FiscalYear, YearFigures> figures = yearsOf(itemId, settings,
                byItem(RowKey.FIGURE, Figure.class, Figure::itemId),
                byItem(RowKey.NARRATIVE, Narrative.class, Narrative::itemId));
        Map<FiscalYear, List<YearStatuses>> statuses = new TreeMap<>();
        quarters(status -> status.itemId().equals(itemId)).forEach(row -> {
            Status latest = lastOf(row);
            String reason = reasonCode(row);
            statuses.computeIfAbsent(latest.fiscalYear(), year -> new ArrayList<>()).add(new YearStatuses(
                    latest.organisation(), symbols(row), reason, reasonLabel(settings, reason), latest.remark(),
                    remarks(row)));
        });
        // the years of the predecessor plan's items this one continues, where it has none of its own
        Map<FiscalYear, YearSource> sources = new TreeMap<>();
        List<YearSource> carriedOverFrom = new ArrayList<>();
        carriedOverFrom(itemId).forEach((source, history) -> {
            carriedOverFrom.add(source);
            for (ItemYear earlier : history.years()) {
                FiscalYear year = FiscalYear.of(earlier.fiscalYear());
                if (!figures.containsKey(year) && !statuses.containsKey(year)) {
                    sources.put(year, source);
                    if (earlier.figures() != null) {
                        figures.put(year, earlier.figures());
                    }
                    statuses.put(year, earlier.statuses());
                }
            }
        });
        Set<FiscalYear> years = new TreeSet<>(figures.keySet());
        years.addAll(statuses.keySet());
        Indicator indicator = item.indicator();
        return Optional.of(new ItemHistory(itemId, path(item), item.content().number(), item.content().title(),
                item.content().responsibleOrganisations(), item.retired(),
                indicator == null ? null : indicator.name(), indicator == null ? null : indicator.unit(),
                indicator == null ? null : indicator.baselineValue(),
                indicator == null ? null : year(indicator.baselineFiscalYear()), List.copyOf(carriedOverFrom),
                years.stream().map(year -> new ItemYear(year.value(), year.japanese(), figures.get(year),
                        YearChange.between(inYearBefore(figures, year), figures.get(year)),
                        statuses.getOrDefault(year, List.of()), sources.get(year))).toList()));
    }

    /** The histories of the predecessor plan's items this item continues, each with where it comes from. */
    private Map<YearSource, ItemHistory> carriedOverFrom(ItemId itemId) {
        Map<YearSource, ItemHistory> histories = new LinkedHashMap<>();
        if (plan.predecessorPlanId() == null) {
            return histories;
        }
        ProgressTables.of(rows, municipality, plan.predecessorPlanId()).ifPresent(earlier -> plan.carryovers()
                .stream().filter(carried -> carried.itemIds().contains(itemId))
                .forEach(carried -> earlier.itemHistory(carried.predecessorItemId()).ifPresent(history ->
                        histories.put(new YearSource(earlier.plan.planId(), history.itemId(), history.number(),
                                history.title(), carried.kind().wireName()), history))));
        return histories;
    }

    /** The rows of statuses chosen, one per item, organisation and year, with its four quarters in plan order. */
    private List<Status[]> quarters(Predicate<Status> which) {
        Map<String, Status[]> quarters = new LinkedHashMap<>();
        rows.list(municipality.value(), plan.planId(), RowKey.STATUS, Status.class).stream()
                .filter(which)
                .forEach(status -> quarters.computeIfAbsent(
                        status.itemId() + "|" + status.organisation() + "|" + status.fiscalYear(),
                        row -> new Status[4])[status.quarter().number() - 1] = status);
        return quarters.values().stream()
                .sorted(Comparator.comparingLong((Status[] row) -> position(lastOf(row).itemId()))
                        .thenComparing(row -> lastOf(row).organisation())
                        .thenComparing(row -> lastOf(row).fiscalYear()))
                .toList();
    }

    private static List<String> symbols(Status[] row) {
        return Arrays.stream(row).map(status -> status == null ? null : status.symbol()).toList();
    }

    /** Each quarter's remark, null where the quarter has none. */
    private static List<String> remarks(Status[] row) {
        return Arrays.stream(row).map(status -> status == null ? null : status.remark()).toList();
    }

    /** The reason given for the fourth quarter, or for the latest quarter reported. */
    private static String reasonCode(Status[] row) {
        return row[3] != null ? row[3].reasonCode() : lastOf(row).reasonCode();
    }

    private static String reasonLabel(Settings settings, String reasonCode) {
        return reasonCode == null ? null
                : settings.reasonCodes().find(reasonCode).map(ReasonCode::label).orElse(null);
    }

    /** The plan's KPIs with their baseline, latest figure, target and standing (Tama's table). */
    List<KpiLine> kpis() {
        List<Observation> observations = observations();
        return rows.list(municipality.value(), plan.planId(), RowKey.KPI, Kpi.class).stream()
                .sorted(Comparator.comparingLong(Kpi::position))
                .map(kpi -> {
                    KpiDefined definition = kpi.definition();
                    Optional<Observation> latest = latest(observations, kpi.kpiId());
                    KpiAssessment assessment = assessment(definition, latest.map(Observation::figure), observations);
                    return new KpiLine(kpi.kpiId(), definition.directionItemIds().stream()
                            .map(items::get).filter(Objects::nonNull)
                            .map(direction -> direction.content().number() + " " + direction.content().title())
                            .toList(), definition.name(), definition.unit(), definition.source(),
                            definition.baseline(), definition.baselineWording(), definition.nextFigureExpected(),
                            definition.target(), definition.targetWording(),
                            latest.map(Observation::figure).orElse(null),
                            latest.map(Observation::publishedOn).orElse(null), assessment, assessment.japanese());
                })
                .toList();
    }

    /**
     * Every published figure of a KPI in reference order, each with its change from the figure
     * before (the baseline for the first) and where the KPI stood with it; empty if the plan has
     * no such KPI.
     */
    Optional<KpiHistory> kpiHistory(KpiId kpiId) {
        return rows.find(RowKey.of(municipality, plan.planId(), RowKey.KPI, kpiId.value())).map(row -> {
            KpiDefined definition = ((Kpi) row).definition();
            List<Observation> observations = observations();
            List<KpiPoint> points = new ArrayList<>();
            KpiFigure before = definition.baseline();
            for (Observation observation : observations.stream()
                    .filter(observation -> observation.kpiId().equals(kpiId)).sorted(BY_REFERENCE).toList()) {
                KpiFigure figure = observation.figure();
                KpiAssessment assessment = assessment(definition, Optional.of(figure), observations);
                points.add(new KpiPoint(figure.reference(), figure.value(), figure.secondaryValue(),
                        figure.secondaryUnit(), observation.publishedOn(), before == null ? null : before.reference(),
                        before == null ? null : figure.value().subtract(before.value()), assessment,
                        assessment.japanese()));
                before = figure;
            }
            return new KpiHistory(kpiId, definition.name(), definition.unit(), definition.baseline(),
                    definition.target(), points);
        });
    }

    /** Where a KPI stands with a figure; an above-kpi target compares with the other KPI's of the same reference. */
    private static KpiAssessment assessment(KpiDefined definition, Optional<KpiFigure> figure,
            List<Observation> observations) {
        Optional<KpiFigure> other = definition.target() instanceof KpiTarget.AboveKpi above
                ? figure.flatMap(mine -> observations.stream()
                        .filter(observation -> observation.kpiId().equals(above.otherKpiId())
                                && observation.figure().reference().equals(mine.reference()))
                        .map(Observation::figure).findFirst())
                : Optional.empty();
        return KpiAssessment.of(definition.target(), definition.baseline(), figure, other);
    }

    private List<Observation> observations() {
        return rows.list(municipality.value(), plan.planId(), RowKey.OBSERVATION, Observation.class);
    }

    /** The latest published figure of a KPI: the one whose reference ends last. */
    private static Optional<Observation> latest(List<Observation> observations, KpiId kpiId) {
        return observations.stream()
                .filter(observation -> observation.kpiId().equals(kpiId))
                .max(BY_REFERENCE);
    }

    /** The review sheets of a fiscal year, one per item that has one (Tama's sheets). */
    List<NarrativeSheet> narratives(FiscalYear year) {
        return rows.list(municipality.value(), plan.planId(), RowKey.NARRATIVE, Narrative.class).stream()
                .filter(sheet -> sheet.fiscalYear().equals(year) && sheet.isReviewSheet())
                .sorted(Comparator.comparingLong(sheet -> position(sheet.itemId())))
                .map(sheet -> {
                    Item item = items.get(sheet.itemId());
                    return new NarrativeSheet(sheet.itemId(), path(item), item.content().number(),
                            item.content().title(), item.content().responsibleOrganisations(),
                            item.content().outlook() == null ? null : item.content().outlook().japanese(),
                            item.content().focusThemes(), year.value(), year.japanese(), sheet.plannedContent(),
                            sheet.goalsAndFocus(), sheet.results(), sheet.issuesAhead());
                })
                .toList();
    }

    Settings settings() {
        return rows.find(RowKey.settings(municipality)).map(Settings.class::cast)
                .orElseGet(() -> Settings.defaults(municipality));
    }

    /** The titles of an item's ancestors, from the top, each with its number. */
    private List<String> path(Item item) {
        List<String> titles = new ArrayList<>();
        for (Item parent = items.get(item.parentItemId()); parent != null; parent = items.get(parent.parentItemId())) {
            titles.add(0, parent.content().number() + " " + parent.content().title());
        }
        return titles;
    }

    /** Priority (重点事業) when the item or any of its ancestors is flagged so. */
    private boolean isPriority(Item item) {
        for (Item at = item; at != null; at = items.get(at.parentItemId())) {
            if (at.content().flags().contains(ItemFlag.PRIORITY)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> flags(Item item) {
        return item.content().flags().stream().map(ItemFlag::japanese).toList();
    }

    private long position(ItemId itemId) {
        Item item = items.get(itemId);
        return item == null ? Long.MAX_VALUE : item.position();
    }

    private static Integer year(FiscalYear year) {
        return year == null ? null : year.value();
    }

    private static <T> T inYearBefore(Map<FiscalYear, T> byYear, FiscalYear year) {
        return year.value() > FiscalYear.FIRST ? byYear.get(FiscalYear.of(year.value() - 1)) : null;
    }

    private static Status lastOf(Status[] row) {
        for (int quarter = row.length - 1; quarter >= 0; quarter--) {
            if (row[quarter] != null) {
                return row[quarter];
            }
        }
        return null;
    }
}
