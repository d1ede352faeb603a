package jp.shinko.query.crosscity;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.RowKey;

/**
 * What a plan has not reported, whatever the day: in a plan that reports quarterly (it has any
 * status), a status for every quarter of every row (item and organisation) of each item that is
 * reported on its own (not retired, no items under it, not 再掲); an actual for every fiscal year
 * of every item with an indicator that is not retired; in the years of the plan's period. Which
 * of them are overdue depends on the day and the municipality's deadlines, applied by the caller.
 */
final class PlanReports {

    /** A report not made: a quarter's status of an item's row for an organisation, or a year's actual (no quarter). */
    @FunctionalInterface
    interface Unreported {

        void accept(Item item, String kind, String organisation, FiscalYear year, Quarter quarter);
    }

    static final String STATUS = "status";
    static final String ACTUAL = "actual";

    private final Plan plan;
    private final List<Item> items;
    private final Set<ItemId> parents;
    /** The row ids of the plan's statuses: {@link EntryRef.QuarterStatus#rowKey()}. */
    private final Set<String> statuses;
    private final Set<EntryRef> actuals = new HashSet<>();

    PlanReports(Plan plan, CityRows rows) {
        this(plan, rows.list(plan.municipalityCode().value(), plan.planId().value(), RowKey.ITEM, Item.class),
                rows);
    }

    /** With the plan's items already read. */
    PlanReports(Plan plan, List<Item> items, CityRows rows) {
        this.plan = plan;
        String code = plan.municipalityCode().value();
        this.items = items.stream().sorted(Comparator.comparingLong(Item::position)).toList();
        parents = items.stream().map(Item::parentItemId).filter(Objects::nonNull).collect(Collectors.toSet());
        statuses = rows.rowIds(code, plan.planId(), RowKey.STATUS);
        // a year with no target on purpose expects no actual: it counts as answered
        rows.list(code, plan.planId().value(), RowKey.FIGURE, Figure.class).stream()
                .filter(figure -> figure.actual() != null || figure.noTargetReason() != null)
                .forEach(figure -> actuals.add(new EntryRef.AnnualFigure(figure.itemId(), figure.fiscalYear(),
                        EntryRef.Figure.ACTUAL)));
    }

    /** The day a report was due by the municipality's deadlines: a quarter's status, or (none) a year's actual. */
    static LocalDate dueOn(ReportingDeadlines deadlines, FiscalYear year, Quarter quarter) {
        return quarter == null ? deadlines.actualDue(year) : deadlines.statusDue(year, quarter);
    }

    /**
     * Each report not made, of the years asked for and of the periods wanted (a quarter, or null
     * for a fiscal year's actual), year by year, statuses before actuals, items in plan order.
     */
    void unreported(Optional<FiscalYear> onlyYear, BiPredicate<FiscalYear, Quarter> wanted, Unreported sink) {
        for (FiscalYear year = plan.fromFiscalYear(); !year.isAfter(plan.lastFiscalYear()); year = year.next()) {
            if (onlyYear.map(year::equals).orElse(true)) {
                if (!statuses.isEmpty()) {
                    unreportedStatuses(year, wanted, sink);
                }
                if (wanted.test(year, null)) {
                    unreportedActuals(year, sink);
                }
            }
        }
    }

    private void unreportedStatuses(FiscalYear year, BiPredicate<FiscalYear, Quarter> wanted, Unreported sink) {
        for (int number = 1; number <= 4; number++) {
            Quarter quarter = Quarter.of(number);
            if (!wanted.test(year, quarter)) {
                continue;
            }
            for (Item item : items) {
                if (item.retired() || parents.contains(item.itemId()) || item.content().reportedWithItemId() != null) {
                    continue;
                }
                for (String organisation : item.content().responsibleOrganisations()) {
                    if (!statuses.contains(new EntryRef.QuarterStatus(item.itemId(), organisation, year, quarter)
                            .rowKey())) {
                        sink.accept(item, STATUS, organisation, year, quarter);
                    }
                }
            }
        }
    }

    private void unreportedActuals(FiscalYear year, Unreported sink) {
        for (Item item : items) {
            if (item.indicator() != null && !item.retired() && !actuals.contains(
                    new EntryRef.AnnualFigure(item.itemId(), year, EntryRef.Figure.ACTUAL))) {
                sink.accept(item, ACTUAL, null, year, null);
            }
        }
    }
}
