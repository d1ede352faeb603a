package jp.shinko.query.rows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiEvent;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationEvent;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanEvent;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanSuccessionRecorded;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.progress.ProgressEvent;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.events.settings.SettingsEvent;
import jp.shinko.events.settings.StatusLegendAdopted;
import jp.shinko.events.settings.SubsidyTermsAdopted;
import jp.shinko.query.rows.ProgressRow.ClosedYear;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Indicator;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Kpi;
import jp.shinko.query.rows.ProgressRow.Narrative;
import jp.shinko.query.rows.ProgressRow.Observation;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.rows.ProgressRow.Status;

/**
 * The one fold from events to progress rows. The live projection applies it to rows kept in
 * PostgreSQL, and an answer for an earlier instant applies it to rows kept in memory, so the
 * two cannot disagree.
 *
 * <p>Pure: the new row depends only on the row before and the event. Each event says in one
 * place which row it changes and how ({@link RowChange}), through the visitor of its family:
 * an event added to a family the fold reads does not compile until it is handled here. Events
 * of other families (a municipality's registration) touch no progress row.
 */
public final class ProgressFold {

    private ProgressFold() {
    }

    /**
     * Which row an event changes and how.
     *
     * @param key the row
     * @param next the row after the event, from the row before ({@code null} if there is none yet)
     */
    record RowChange(RowKey key, UnaryOperator<ProgressRow> next) {
    }

    /** The row an event changes, if it changes one. */
    static Optional<RowKey> keyOf(Object event) {
        return changeOf(event, 0).map(RowChange::key);
    }

    /**
     * The row after an event.
     *
     * @param current the row before, or {@code null} if there is none yet
     * @param event an event {@link #keyOf} gives a key for
     * @param position the event's position in its stream, which orders items and KPIs
     */
    public static ProgressRow apply(ProgressRow current, Object event, long position) {
        return changeOf(event, position)
                .orElseThrow(() -> new IllegalArgumentException("no progress row is made from " + event.getClass()))
                .next().apply(current);
    }

    /** What an event does to the rows, if anything. */
    static Optional<RowChange> changeOf(Object event, long position) {
        if (event instanceof SettingsEvent settings) {
            return Optional.of(settings.accept(SETTINGS));
        }
        if (event instanceof OrganisationEvent organisation) {
            return Optional.of(new RowChange(RowKey.settings(organisation.municipalityCode()), current ->
                    (current == null ? Settings.defaults(organisation.municipalityCode()) : (Settings) current)
                            .withOrganisation(organisation)));
        }
        if (event instanceof PlanEvent plan) {
            return Optional.of(plan.accept(new PlanRows(position)));
        }
        if (event instanceof ProgressEvent progress) {
            return Optional.of(progress.accept(PROGRESS));
        }
        if (event instanceof KpiEvent kpi) {
            return Optional.of(kpi.accept(new KpiRows(position)));
        }
        return Optional.empty();
    }

    private static final SettingsEvent.Visitor<RowChange> SETTINGS = new SettingsEvent.Visitor<>() {

        @Override
        public RowChange ratingSchemeAdopted(RatingSchemeAdopted event) {
            return settings(event.municipalityCode(), row -> row.withScheme(event));
        }

        @Override
        public RowChange statusLegendAdopted(StatusLegendAdopted event) {
            return settings(event.municipalityCode(), row -> row.withLegend(event.legend()));
        }

        @Override
        public RowChange reasonCodesAdopted(ReasonCodesAdopted event) {
            return settings(event.municipalityCode(), row -> row.withReasonCodes(event.reasonCodes()));
        }

        @Override
        public RowChange reportingDeadlinesAdopted(ReportingDeadlinesAdopted event) {
            return settings(event.municipalityCode(), row -> row.withDeadlines(event.deadlines()));
        }

        @Override
        public RowChange subsidyTermsAdopted(SubsidyTermsAdopted event) {
            return settings(event.municipalityCode(), row -> row.withSubsidyTerms(event));
        }

        private RowChange settings(MunicipalityCode municipality, UnaryOperator<Settings> change) {
            return new RowChange(RowKey.settings(municipality),
                    current -> change.apply(current == null ? Settings.defaults(municipality) : (Settings) current));
        }
    };

    /** The plan's own row and its items' rows; an item's position orders the items as they were added. */
    private record PlanRows(long position) implements PlanEvent.Visitor<RowChange> {

        @Override
        public RowChange planAdopted(PlanAdopted e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()), current -> Plan.adopted(e));
        }

        @Override
        public RowChange planRevised(PlanRevised e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()), current -> ((Plan) current).revised(e));
        }

        @Override
        public RowChange planEnded(PlanEnded e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()), current -> ((Plan) current).ended(e));
        }

        @Override
        public RowChange planSuccessionRecorded(PlanSuccessionRecorded e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()),
                    current -> ((Plan) current).succeeding(e.predecessorPlanId()));
        }

        @Override
        public RowChange itemCarriedOver(ItemCarriedOver e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()), current -> ((Plan) current).carrying(e));
        }

        @Override
        public RowChange planItemAdded(PlanItemAdded e) {
            return item(e.municipalityCode(), e.planId(), e.itemId(), current -> new Item(e.municipalityCode(),
                    e.planId(), e.itemId(), e.parentItemId(), e.content(), position, false, null, null));
        }

        @Override
        public RowChange planItemRevised(PlanItemRevised e) {
            return item(e.municipalityCode(), e.planId(), e.itemId(), current -> {
                Item item = (Item) current;
                return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                        e.content(), item.position(), item.retired(), item.retiredReason(), item.indicator());
            });
        }

        @Override
        public RowChange planItemMoved(PlanItemMoved e) {
            return item(e.municipalityCode(), e.planId(), e.itemId(), current -> {
                Item item = (Item) current;
                return new Item(item.municipalityCode(), item.planId(), item.itemId(), e.parentItemId(),
                        item.content().withNumber(e.number()), item.position(), item.retired(),
                        item.retiredReason(), item.indicator());
            });
        }

        @Override
        public RowChange planItemRetired(PlanItemRetired e) {
            return item(e.municipalityCode(), e.planId(), e.itemId(), current -> {
                Item item = (Item) current;
                return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                        item.content(), item.position(), true, e.reason(), item.indicator());
            });
        }
    }

    private static final ProgressEvent.Visitor<RowChange> PROGRESS = new ProgressEvent.Visitor<>() {

        @Override
        public RowChange indicatorDefined(IndicatorDefined e) {
            return item(e.municipalityCode(), e.planId(), e.itemId(), current -> {
                Item item = (Item) current;
                return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                        item.content(), item.position(), item.retired(), item.retiredReason(),
                        new Indicator(e.name(), e.unit(), e.baselineValue(), e.baselineFiscalYear()));
            });
        }

        @Override
        public RowChange annualTargetSet(AnnualTargetSet e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()), current -> {
                return figure(current, e.municipalityCode(), e.planId(), e.itemId())
                        .withTarget(e.fiscalYear(), e.value(), e.unit(), e.correctionReason());
            });
        }

        @Override
        public RowChange noTargetSet(NoTargetSet e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()), current ->
                    figure(current, e.municipalityCode(), e.planId(), e.itemId())
                            .withNoTarget(e.fiscalYear(), e.reason(), e.correctionReason()));
        }

        @Override
        public RowChange annualActualRecorded(AnnualActualRecorded e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()), current -> {
                return figure(current, e.municipalityCode(), e.planId(), e.itemId())
                        .withActual(e.fiscalYear(), e.value(), e.unit(), e.correctionReason());
            });
        }

        @Override
        public RowChange cityRatingRecorded(CityRatingRecorded e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()), current ->
                    figure(current, e.municipalityCode(), e.planId(), e.itemId())
                            .withCityRating(e.fiscalYear(), e.rating(), e.reason()));
        }

        @Override
        public RowChange periodStatusRecorded(PeriodStatusRecorded e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()),
                    current -> new Status(e.municipalityCode(), e.planId(), e.itemId(), e.organisation(),
                            e.fiscalYear(), e.quarter(), e.symbol(), e.reasonCode(), e.remark(),
                            e.correctionReason()));
        }

        @Override
        public RowChange narrativeRevised(NarrativeRevised e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()),
                    current -> revised((Narrative) current, e));
        }

        @Override
        public RowChange fiscalYearClosed(FiscalYearClosed e) {
            return new RowChange(planKey(e.municipalityCode(), e.planId()), current -> closed((Plan) current, e));
        }
    };

    /** A plan's KPIs, ordered as they were first defined, and their published figures. */
    private record KpiRows(long position) implements KpiEvent.Visitor<RowChange> {

        @Override
        public RowChange kpiDefined(KpiDefined e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), RowKey.KPI, e.kpiId().value()),
                    current -> new Kpi(e.municipalityCode(), e.planId(), e.kpiId(), e,
                            current == null ? position : ((Kpi) current).position()));
        }

        @Override
        public RowChange kpiObservationRecorded(KpiObservationRecorded e) {
            return new RowChange(RowKey.of(e.municipalityCode(), e.planId(), e.entryRef()),
                    current -> new Observation(e.municipalityCode(), e.planId(), e.kpiId(), e.figure(),
                            e.publishedOn()));
        }
    }

    private static RowKey planKey(MunicipalityCode municipality, PlanId planId) {
        return RowKey.of(municipality, planId, RowKey.PLAN, planId.value());
    }

    private static RowChange item(MunicipalityCode municipality, PlanId planId, ItemId itemId,
            UnaryOperator<ProgressRow> next) {
        return new RowChange(RowKey.of(municipality, planId, RowKey.ITEM, itemId.value()), next);
    }

    private static Plan closed(Plan plan, FiscalYearClosed event) {
        List<ClosedYear> years = new ArrayList<>(plan.closedYears());
        years.removeIf(year -> year.fiscalYear().equals(event.fiscalYear()));
        years.add(new ClosedYear(event.fiscalYear(), event.councilReportedOn(), event.councilMeetingId()));
        years.sort(Comparator.comparing(ClosedYear::fiscalYear));
        return plan.withClosedYears(List.copyOf(years));
    }

    private static Figure figure(ProgressRow current, MunicipalityCode municipality, PlanId planId, ItemId itemId) {
        if (current != null) {
            return (Figure) current;
        }
        return new Figure(municipality, planId, itemId, null, null, null, null, null, null, null, null, null);
    }

    private static Narrative revised(Narrative current, NarrativeRevised event) {
        Narrative sheet = current != null ? current : Narrative.empty(event.municipalityCode(), event.planId(),
                event.itemId(), event.fiscalYear());
        return sheet.with(event.field(), event.text());
    }
}
