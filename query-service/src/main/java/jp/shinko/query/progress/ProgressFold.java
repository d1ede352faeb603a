package jp.shinko.query.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.events.settings.StatusLegendAdopted;
import jp.shinko.query.progress.ProgressRow.ClosedYear;
import jp.shinko.query.progress.ProgressRow.Figure;
import jp.shinko.query.progress.ProgressRow.Indicator;
import jp.shinko.query.progress.ProgressRow.Item;
import jp.shinko.query.progress.ProgressRow.Kpi;
import jp.shinko.query.progress.ProgressRow.Narrative;
import jp.shinko.query.progress.ProgressRow.Observation;
import jp.shinko.query.progress.ProgressRow.Plan;
import jp.shinko.query.progress.ProgressRow.Settings;
import jp.shinko.query.progress.ProgressRow.Status;

/**
 * The one fold from events to progress rows. The live projection applies it to rows kept in
 * PostgreSQL, and an answer for an earlier instant applies it to rows kept in memory, so the
 * two cannot disagree.
 *
 * <p>Pure: the new row depends only on the row before and the event. Events of other kinds
 * touch no progress row.
 */
final class ProgressFold {

    private ProgressFold() {
    }

    /** The row an event changes, if it changes one. */
    static Optional<RowKey> keyOf(Object event) {
        if (event instanceof RatingSchemeAdopted e) {
            return Optional.of(RowKey.settings(e.municipalityCode()));
        }
        if (event instanceof StatusLegendAdopted e) {
            return Optional.of(RowKey.settings(e.municipalityCode()));
        }
        if (event instanceof ReasonCodesAdopted e) {
            return Optional.of(RowKey.settings(e.municipalityCode()));
        }
        if (event instanceof ReportingDeadlinesAdopted e) {
            return Optional.of(RowKey.settings(e.municipalityCode()));
        }
        if (event instanceof PlanAdopted e) {
            return Optional.of(RowKey.of(e.municipalityCode(), e.planId(), RowKey.PLAN, e.planId()));
        }
        if (event instanceof FiscalYearClosed e) {
            return Optional.of(RowKey.of(e.municipalityCode(), e.planId(), RowKey.PLAN, e.planId()));
        }
        if (event instanceof PlanItemAdded e) {
            return Optional.of(itemKey(e.municipalityCode(), e.planId(), e.itemId()));
        }
        if (event instanceof PlanItemRevised e) {
            return Optional.of(itemKey(e.municipalityCode(), e.planId(), e.itemId()));
        }
        if (event instanceof PlanItemMoved e) {
            return Optional.of(itemKey(e.municipalityCode(), e.planId(), e.itemId()));
        }
        if (event instanceof PlanItemRetired e) {
            return Optional.of(itemKey(e.municipalityCode(), e.planId(), e.itemId()));
        }
        if (event instanceof IndicatorDefined e) {
            return Optional.of(itemKey(e.municipalityCode(), e.planId(), e.itemId()));
        }
        if (event instanceof AnnualTargetSet e) {
            return Optional.of(figureKey(e.municipalityCode(), e.planId(), e.itemId(), e.fiscalYear()));
        }
        if (event instanceof AnnualActualRecorded e) {
            return Optional.of(figureKey(e.municipalityCode(), e.planId(), e.itemId(), e.fiscalYear()));
        }
        if (event instanceof PeriodStatusRecorded e) {
            return Optional.of(statusKey(e.municipalityCode(), e.planId(), e.itemId(), e.organisation(),
                    e.fiscalYear(), e.quarter()));
        }
        if (event instanceof NarrativeRevised e) {
            return Optional.of(narrativeKey(e.municipalityCode(), e.planId(), e.itemId(), e.fiscalYear()));
        }
        if (event instanceof KpiDefined e) {
            return Optional.of(RowKey.of(e.municipalityCode(), e.planId(), RowKey.KPI, e.kpiId()));
        }
        if (event instanceof KpiObservationRecorded e) {
            return Optional.of(observationKey(e.municipalityCode(), e.planId(), e.kpiId(), e.figure().reference()));
        }
        return Optional.empty();
    }

    static RowKey statusKey(MunicipalityCode municipality, String planId, String itemId, String organisation,
            FiscalYear year, Quarter quarter) {
        return RowKey.of(municipality, planId, RowKey.STATUS,
                itemId + "|" + organisation + "|" + year + "|" + quarter.number());
    }

    static RowKey narrativeKey(MunicipalityCode municipality, String planId, String itemId, FiscalYear year) {
        return RowKey.of(municipality, planId, RowKey.NARRATIVE, itemId + "|" + year);
    }

    static RowKey observationKey(MunicipalityCode municipality, String planId, String kpiId,
            ReferencePeriod reference) {
        return RowKey.of(municipality, planId, RowKey.OBSERVATION, kpiId + "|" + reference);
    }

    static RowKey figureKey(MunicipalityCode municipality, String planId, String itemId, FiscalYear year) {
        return RowKey.of(municipality, planId, RowKey.FIGURE, itemId + "|" + year);
    }

    private static RowKey itemKey(MunicipalityCode municipality, String planId, String itemId) {
        return RowKey.of(municipality, planId, RowKey.ITEM, itemId);
    }

    /**
     * The row after an event.
     *
     * @param current the row before, or {@code null} if there is none yet
     * @param event an event {@link #keyOf} gives a key for
     * @param position the event's position in its stream, which orders items and KPIs
     */
    static ProgressRow apply(ProgressRow current, Object event, long position) {
        if (event instanceof RatingSchemeAdopted e) {
            return settings(current, e.municipalityCode()).withScheme(e);
        }
        if (event instanceof StatusLegendAdopted e) {
            return settings(current, e.municipalityCode()).withLegend(e.legend());
        }
        if (event instanceof ReasonCodesAdopted e) {
            return settings(current, e.municipalityCode()).withReasonCodes(e.reasonCodes());
        }
        if (event instanceof ReportingDeadlinesAdopted e) {
            return settings(current, e.municipalityCode()).withDeadlines(e.deadlines());
        }
        if (event instanceof PlanAdopted e) {
            return new Plan(e.municipalityCode(), e.planId(), e.name(), e.fromFiscalYear(),
                    e.toFiscalYear(), List.of());
        }
        if (event instanceof FiscalYearClosed e) {
            return closed((Plan) current, e);
        }
        if (event instanceof PlanItemAdded e) {
            return new Item(e.municipalityCode(), e.planId(), e.itemId(), e.parentItemId(),
                    e.content(), position, false, null, null);
        }
        if (event instanceof PlanItemRevised e) {
            Item item = (Item) current;
            return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                    e.content(), item.position(), item.retired(), item.retiredReason(), item.indicator());
        }
        if (event instanceof PlanItemMoved e) {
            Item item = (Item) current;
            return new Item(item.municipalityCode(), item.planId(), item.itemId(), e.parentItemId(),
                    item.content().withNumber(e.number()), item.position(), item.retired(),
                    item.retiredReason(), item.indicator());
        }
        if (event instanceof PlanItemRetired e) {
            Item item = (Item) current;
            return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                    item.content(), item.position(), true, e.reason(), item.indicator());
        }
        if (event instanceof IndicatorDefined e) {
            Item item = (Item) current;
            return new Item(item.municipalityCode(), item.planId(), item.itemId(), item.parentItemId(),
                    item.content(), item.position(), item.retired(), item.retiredReason(),
                    new Indicator(e.name(), e.unit(), e.baselineValue(), e.baselineFiscalYear()));
        }
        if (event instanceof AnnualTargetSet e) {
            Figure figure = figure(current, e.municipalityCode(), e.planId(), e.itemId());
            return new Figure(figure.municipalityCode(), figure.planId(), figure.itemId(), e.fiscalYear(),
                    e.value(), figure.actual(), e.unit(),
                    e.correctionReason() != null ? e.correctionReason() : figure.targetCorrection(),
                    figure.actualCorrection());
        }
        if (event instanceof AnnualActualRecorded e) {
            Figure figure = figure(current, e.municipalityCode(), e.planId(), e.itemId());
            return new Figure(figure.municipalityCode(), figure.planId(), figure.itemId(), e.fiscalYear(),
                    figure.target(), e.value(), e.unit(), figure.targetCorrection(),
                    e.correctionReason() != null ? e.correctionReason() : figure.actualCorrection());
        }
        if (event instanceof PeriodStatusRecorded e) {
            return new Status(e.municipalityCode(), e.planId(), e.itemId(), e.organisation(),
                    e.fiscalYear(), e.quarter(), e.symbol(), e.reasonCode(), e.remark(), e.correctionReason());
        }
        if (event instanceof NarrativeRevised e) {
            return revised((Narrative) current, e);
        }
        if (event instanceof KpiDefined e) {
            return new Kpi(e.municipalityCode(), e.planId(), e.kpiId(), e,
                    current == null ? position : ((Kpi) current).position());
        }
        if (event instanceof KpiObservationRecorded e) {
            return new Observation(e.municipalityCode(), e.planId(), e.kpiId(),
                    e.figure(), e.publishedOn());
        }
        throw new IllegalArgumentException("no progress row is made from " + event.getClass());
    }

    private static Settings settings(ProgressRow current, MunicipalityCode municipality) {
        return current == null ? Settings.defaults(municipality) : (Settings) current;
    }

    private static Plan closed(Plan plan, FiscalYearClosed event) {
        List<ClosedYear> years = new ArrayList<>(plan.closedYears());
        years.removeIf(year -> year.fiscalYear().equals(event.fiscalYear()));
        years.add(new ClosedYear(event.fiscalYear(), event.councilReportedOn()));
        years.sort(Comparator.comparing(ClosedYear::fiscalYear));
        return new Plan(plan.municipalityCode(), plan.planId(), plan.name(), plan.fromFiscalYear(),
                    plan.toFiscalYear(), List.copyOf(years));
    }

    private static Figure figure(ProgressRow current, MunicipalityCode municipality, String planId, String itemId) {
        if (current != null) {
            return (Figure) current;
        }
        return new Figure(municipality, planId, itemId, null, null, null, null, null, null);
    }

    private static Narrative revised(Narrative current, NarrativeRevised event) {
        Narrative sheet = current != null ? current : new Narrative(event.municipalityCode(), event.planId(),
                event.itemId(), event.fiscalYear(), null, null, null, null);
        return switch (event.field()) {
            case PLANNED_CONTENT -> new Narrative(sheet.municipalityCode(), sheet.planId(), sheet.itemId(),
                    sheet.fiscalYear(), event.text(), sheet.goalsAndFocus(), sheet.results(), sheet.issuesAhead());
            case GOALS_AND_FOCUS -> new Narrative(sheet.municipalityCode(), sheet.planId(), sheet.itemId(),
                    sheet.fiscalYear(), sheet.plannedContent(), event.text(), sheet.results(), sheet.issuesAhead());
            case RESULTS -> new Narrative(sheet.municipalityCode(), sheet.planId(), sheet.itemId(),
                    sheet.fiscalYear(), sheet.plannedContent(), sheet.goalsAndFocus(), event.text(),
                    sheet.issuesAhead());
            case ISSUES_AHEAD -> new Narrative(sheet.municipalityCode(), sheet.planId(), sheet.itemId(),
                    sheet.fiscalYear(), sheet.plannedContent(), sheet.goalsAndFocus(), sheet.results(), event.text());
        };
    }
}
