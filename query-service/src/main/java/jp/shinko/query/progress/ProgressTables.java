package jp.shinko.query.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiAssessment;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCode;
import jp.shinko.query.progress.ProgressRow.Figure;
import jp.shinko.query.progress.ProgressRow.Item;
import jp.shinko.query.progress.ProgressRow.Kpi;
import jp.shinko.query.progress.ProgressRow.Narrative;
import jp.shinko.query.progress.ProgressRow.Observation;
import jp.shinko.query.progress.ProgressRow.Plan;
import jp.shinko.query.progress.ProgressRow.Settings;
import jp.shinko.query.progress.ProgressRow.Status;
import jp.shinko.query.progress.ProgressViews.AnnualRow;
import jp.shinko.query.progress.ProgressViews.KpiLine;
import jp.shinko.query.progress.ProgressViews.NarrativeSheet;
import jp.shinko.query.progress.ProgressViews.QuarterlyRow;
import jp.shinko.query.progress.ProgressViews.YearFigures;

/**
 * The tables each city used to assemble by hand, built from progress rows: ratings and rates
 * by the city's scheme for the year, KPI standing by {@link KpiAssessment}. The rows may come
 * from PostgreSQL or from memory; the tables are the same either way.
 */
final class ProgressTables {

    private final ProgressRows rows;
    private final MunicipalityCode municipality;
    private final Plan plan;
    private final Map<String, Item> items = new LinkedHashMap<>();

    private ProgressTables(ProgressRows rows, MunicipalityCode municipality, Plan plan) {
        this.rows = rows;
        this.municipality = municipality;
        this.plan = plan;
        rows.list(municipality.value(), plan.planId(), RowKey.ITEM, Item.class).stream()
                .sorted(Comparator.comparingLong(Item::position))
                .forEach(item -> items.put(item.itemId(), item));
    }

    /** The tables of a plan, or empty if the municipality has no such plan. */
    static Optional<ProgressTables> of(ProgressRows rows, MunicipalityCode municipality, String planId) {
        return rows.find(RowKey.of(municipality, planId, RowKey.PLAN, planId))
                .map(plan -> new ProgressTables(rows, municipality, (Plan) plan));
    }

    Plan plan() {
        return plan;
    }

    /** Target and actual per fiscal year of every item with an indicator (Akiruno's table). */
    List<AnnualRow> annual(Optional<FiscalYear> onlyYear) {
        Settings settings = settings();
        Map<String, List<Figure>> figures = new HashMap<>();
        rows.list(municipality.value(), plan.planId(), RowKey.FIGURE, Figure.class)
                .forEach(figure -> figures.computeIfAbsent(figure.itemId(), item -> new ArrayList<>()).add(figure));
        return items.values().stream()
                .filter(item -> item.indicator() != null)
                .map(item -> new AnnualRow(item.itemId(), path(item), item.content().number(), item.content().title(),
                        item.content().responsibleOrganisations(), flags(item), item.content().pageReference(),
                        item.retired(), item.indicator().name(), item.indicator().unit(),
                        item.indicator().baselineValue(), year(item.indicator().baselineFiscalYear()),
                        figures.getOrDefault(item.itemId(), List.of()).stream()
                                .filter(figure -> onlyYear.map(figure.fiscalYear()::equals).orElse(true))
                                .sorted(Comparator.comparing(Figure::fiscalYear))
                                .map(figure -> yearFigures(figure, settings.schemeFor(figure.fiscalYear())))
                                .toList()))
                .toList();
    }

    private YearFigures yearFigures(Figure figure, RatingScheme scheme) {
        Optional<RatingBand> rating = figure.actual() == null ? Optional.empty()
                : scheme.rate(figure.target(), figure.actual());
        return new YearFigures(figure.fiscalYear().value(), figure.fiscalYear().japanese(), figure.target(),
                figure.actual(), figure.actual() == null ? null
                        : RatingScheme.achievementPercent(figure.target(), figure.actual()).orElse(null),
                rating.map(RatingBand::label).orElse(null), rating.map(RatingBand::description).orElse(null),
                plan.isClosed(figure.fiscalYear()), figure.targetCorrection(), figure.actualCorrection());
    }

    /** Each item row of each organisation with its four quarters' statuses in a year (Musashino's table). */
    List<QuarterlyRow> quarterly(FiscalYear year) {
        Settings settings = settings();
        Map<String, Status[]> quarters = new LinkedHashMap<>();
        rows.list(municipality.value(), plan.planId(), RowKey.STATUS, Status.class).stream()
                .filter(status -> status.fiscalYear().equals(year))
                .forEach(status -> quarters.computeIfAbsent(status.itemId() + "|" + status.organisation(),
                        row -> new Status[4])[status.quarter().number() - 1] = status);
        return quarters.values().stream()
                .sorted(Comparator.comparingLong((Status[] row) -> position(lastOf(row).itemId()))
                        .thenComparing(row -> lastOf(row).organisation()))
                .map(row -> {
                    Status latest = lastOf(row);
                    Item item = items.get(latest.itemId());
                    List<String> symbols = Arrays.stream(row).map(status -> status == null ? null : status.symbol())
                            .toList();
                    String reason = row[3] != null ? row[3].reasonCode() : latest.reasonCode();
                    return new QuarterlyRow(latest.itemId(), path(item), item.content().number(),
                            item.content().title(), latest.organisation(), symbols, reason,
                            reason == null ? null : settings.reasonCodes().find(reason)
                                    .map(ReasonCode::label).orElse(null),
                            latest.remark(), isPriority(item), item.retired());
                })
                .toList();
    }

    /** The plan's KPIs with their baseline, latest figure, target and standing (Tama's table). */
    List<KpiLine> kpis() {
        List<Observation> observations =
                rows.list(municipality.value(), plan.planId(), RowKey.OBSERVATION, Observation.class);
        return rows.list(municipality.value(), plan.planId(), RowKey.KPI, Kpi.class).stream()
                .sorted(Comparator.comparingLong(Kpi::position))
                .map(kpi -> {
                    KpiDefined definition = kpi.definition();
                    Optional<Observation> latest = latest(observations, kpi.kpiId());
                    Optional<KpiFigure> other = definition.target() instanceof KpiTarget.AboveKpi above
                            ? latest(observations, above.otherKpiId()).map(Observation::figure) : Optional.empty();
                    KpiAssessment assessment = KpiAssessment.of(definition.target(), definition.baseline(),
                            latest.map(Observation::figure), other);
                    return new KpiLine(kpi.kpiId(), definition.name(), definition.unit(), definition.source(),
                            definition.baseline(), definition.nextFigureExpected(), definition.target(),
                            latest.map(Observation::figure).orElse(null),
                            latest.map(Observation::publishedOn).orElse(null), assessment, assessment.japanese());
                })
                .toList();
    }

    /** The latest published figure of a KPI: the one whose reference ends last. */
    private static Optional<Observation> latest(List<Observation> observations, String kpiId) {
        return observations.stream()
                .filter(observation -> observation.kpiId().equals(kpiId))
                .max(Comparator.comparingInt((Observation observation) -> observation.figure().reference().toYear())
                        .thenComparingInt(observation -> observation.figure().reference().fromYear()));
    }

    /** The review sheets of a fiscal year, one per item that has one (Tama's sheets). */
    List<NarrativeSheet> narratives(FiscalYear year) {
        return rows.list(municipality.value(), plan.planId(), RowKey.NARRATIVE, Narrative.class).stream()
                .filter(sheet -> sheet.fiscalYear().equals(year))
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

    private Settings settings() {
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

    private long position(String itemId) {
        Item item = items.get(itemId);
        return item == null ? Long.MAX_VALUE : item.position();
    }

    private static Integer year(FiscalYear year) {
        return year == null ? null : year.value();
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
