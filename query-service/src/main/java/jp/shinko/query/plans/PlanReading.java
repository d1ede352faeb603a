package jp.shinko.query.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.Carryover;
import jp.shinko.events.plan.ItemFlag;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanState;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.query.plans.PlanViews.CarryoverLink;
import jp.shinko.query.plans.PlanViews.ClosedYear;
import jp.shinko.query.plans.PlanViews.FigureEntry;
import jp.shinko.query.plans.PlanViews.IndicatorView;
import jp.shinko.query.plans.PlanViews.ItemCounts;
import jp.shinko.query.plans.PlanViews.ItemLink;
import jp.shinko.query.plans.PlanViews.ItemView;
import jp.shinko.query.plans.PlanViews.Period;
import jp.shinko.query.plans.PlanViews.PlanSummary;
import jp.shinko.query.plans.PlanViews.PlanTree;
import jp.shinko.query.plans.PlanViews.SheetEntry;
import jp.shinko.query.plans.PlanViews.StatusEntry;
import jp.shinko.query.plans.PlanViews.TreeItem;
import jp.shinko.query.plans.PlanViews.Year;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Kpi;
import jp.shinko.query.rows.ProgressRow.Narrative;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.ProgressRow.Status;
import jp.shinko.query.rows.ProgressRows;
import jp.shinko.query.rows.RowKey;

/**
 * One plan read back from its rows: what it is, its tree in the order the city added its items,
 * and one item with everything recorded about it. Pure over the rows, which may be the live
 * ones or those of an earlier instant.
 */
final class PlanReading {

    private final ProgressRows rows;
    private final Plan plan;
    /** The items in the order they were added. */
    private final Map<ItemId, Item> items = new LinkedHashMap<>();
    /** The plan this one succeeds, and the one that succeeds it, if any. */
    private final Optional<Plan> predecessor;
    private final Optional<Plan> successor;
    private final Map<PlanId, Map<ItemId, Item>> otherPlansItems = new HashMap<>();

    /** One plan among the municipality's plans, which name its predecessor and successor. */
    private PlanReading(ProgressRows rows, Plan plan, List<Plan> plans) {
        this.rows = rows;
        this.plan = plan;
        itemsOf(plan).forEach(item -> items.put(item.itemId(), item));
        predecessor = plans.stream().filter(other -> other.planId().equals(plan.predecessorPlanId())).findFirst();
        successor = plans.stream().filter(other -> plan.planId().equals(other.predecessorPlanId())).findFirst();
    }

    /** A plan's items in the order they were added. */
    private List<Item> itemsOf(Plan of) {
        return rows.list(of.municipalityCode().value(), of.planId(), RowKey.ITEM, Item.class).stream()
                .sorted(Comparator.comparingLong(Item::position)).toList();
    }

    /** Every plan of a municipality, standing as they do in the fiscal year given. */
    static List<PlanSummary> summaries(ProgressRows rows, String municipalityCode, FiscalYear current) {
        List<Plan> plans = rows.plans(municipalityCode);
        return plans.stream().map(plan -> new PlanReading(rows, plan, plans).summary(current)).toList();
    }

    /** A plan of the municipality, or empty if it has no such plan. */
    static Optional<PlanReading> of(ProgressRows rows, String municipalityCode, PlanId planId) {
        List<Plan> plans = rows.plans(municipalityCode);
        return plans.stream().filter(plan -> plan.planId().equals(planId)).findFirst()
                .map(plan -> new PlanReading(rows, plan, plans));
    }

    Plan plan() {
        return plan;
    }

    PlanSummary summary(FiscalYear current) {
        PlanState state = state(current);
        int retired = (int) items.values().stream().filter(Item::retired).count();
        List<Integer> perLevel = new ArrayList<>();
        for (Item item : items.values()) {
            int level = level(item);
            while (perLevel.size() < level) {
                perLevel.add(0);
            }
            perLevel.set(level - 1, perLevel.get(level - 1) + 1);
        }
        int withIndicator = (int) items.values().stream().filter(item -> item.indicator() != null).count();
        int kpis = rows.list(plan.municipalityCode().value(), plan.planId(), RowKey.KPI, Kpi.class).size();
        return new PlanSummary(plan.planId(), plan.name(), period(), state, state.japanese(), plan.goal(),
                plan.levelNames(), ending(), link(predecessor), link(successor), new ItemCounts(items.size(),
                items.size() - retired, retired, withIndicator, List.copyOf(perLevel)), kpis, closedYears());
    }

    /** The whole tree, each item under its parent, siblings in the order they were added. */
    PlanTree tree(FiscalYear current) {
        PlanState state = state(current);
        return new PlanTree(plan.municipalityCode().value(), plan.planId(), plan.name(), period(), state,
                state.japanese(), plan.goal(), plan.levelNames(), ending(), link(predecessor), link(successor),
                closedYears(), childrenOf(null));
    }

    /** The items of the tree in print order (each followed by those under it), with their levels. */
    List<TreeItem> inPrintOrder() {
        List<TreeItem> printed = new ArrayList<>();
        addInPrintOrder(childrenOf(null), printed);
        return printed;
    }

    private static void addInPrintOrder(List<TreeItem> siblings, List<TreeItem> printed) {
        for (TreeItem item : siblings) {
            printed.add(item);
            addInPrintOrder(item.children(), printed);
        }
    }

    private List<TreeItem> childrenOf(ItemId parent) {
        return items.values().stream()
                .filter(item -> Objects.equals(item.parentItemId(), parent))
                .map(item -> new TreeItem(item.itemId(), level(item), levelName(item), item.content().number(),
                        item.content().title(), item.content().description(),
                        item.content().responsibleOrganisations(), outlook(item), flags(item),
                        item.content().focusThemes(), item.content().pageReference(), reportedWith(item),
                        item.content().reportedWithNote(), item.retired(), item.retiredReason(), indicator(item),
                        item.content().relatedProgrammes(), item.content().partOf(), carriedOverFrom(item.itemId()),
                        carriedOverTo(item.itemId()), childrenOf(item.itemId())))
                .toList();
    }

    /** One item with its cells and their versions, or empty if the plan has no such item. */
    Optional<ItemView> item(ItemId itemId, EntryVersions versions) {
        Item item = items.get(itemId);
        if (item == null) {
            return Optional.empty();
        }
        List<ItemLink> path = new ArrayList<>();
        for (Item parent = items.get(item.parentItemId()); parent != null; parent = items.get(parent.parentItemId())) {
            path.add(0, link(parent));
        }
        List<ItemLink> children = items.values().stream()
                .filter(child -> itemId.equals(child.parentItemId())).map(PlanReading::link).toList();
        String municipality = plan.municipalityCode().value();
        List<FigureEntry> figures = rows.list(municipality, plan.planId(), RowKey.FIGURE, Figure.class).stream()
                .filter(figure -> figure.itemId().equals(itemId))
                .sorted(Comparator.comparing(Figure::fiscalYear))
                .map(figure -> new FigureEntry(Year.of(figure.fiscalYear()), figure.target(),
                        versions.of(new EntryRef.AnnualFigure(itemId, figure.fiscalYear(), EntryRef.Figure.TARGET)),
                        figure.actual(),
                        versions.of(new EntryRef.AnnualFigure(itemId, figure.fiscalYear(), EntryRef.Figure.ACTUAL)),
                        figure.unit(), figure.noTargetReason(), figure.cityRating(), figure.cityRatingReason(),
                        versions.of(new EntryRef.CityRating(itemId, figure.fiscalYear()))))
                .toList();
        List<StatusEntry> statuses = rows.list(municipality, plan.planId(), RowKey.STATUS, Status.class).stream()
                .filter(status -> status.itemId().equals(itemId))
                .sorted(Comparator.comparing(Status::fiscalYear).thenComparing(Status::organisation)
                        .thenComparingInt(status -> status.quarter().number()))
                .map(status -> new StatusEntry(status.organisation(), Year.of(status.fiscalYear()),
                        status.quarter().number(), status.symbol(), status.reasonCode(), status.remark(),
                        versions.of(new EntryRef.QuarterStatus(itemId, status.organisation(), status.fiscalYear(),
                                status.quarter()))))
                .toList();
        List<SheetEntry> sheets = rows.list(municipality, plan.planId(), RowKey.NARRATIVE, Narrative.class).stream()
                .filter(sheet -> sheet.itemId().equals(itemId))
                .sorted(Comparator.comparing(Narrative::fiscalYear))
                .map(sheet -> new SheetEntry(Year.of(sheet.fiscalYear()), sheet.plannedContent(),
                        sheet.goalsAndFocus(), sheet.results(), sheet.issuesAhead(), sheet.targetPicture(),
                        sheet.statusAndIssues(),
                        versions.of(new EntryRef.ReviewSheet(itemId, sheet.fiscalYear()))))
                .toList();
        return Optional.of(new ItemView(municipality, plan.planId(), itemId, versions.ofItem(itemId), level(item),
                levelName(item), path, item.content().number(), item.content().title(), item.content().description(),
                item.content().responsibleOrganisations(), outlook(item), flags(item), item.content().focusThemes(),
                item.content().pageReference(), reportedWith(item), item.content().reportedWithNote(), item.retired(),
                item.retiredReason(), indicator(item), item.content().relatedProgrammes(), item.content().partOf(),
                carriedOverFrom(itemId),
                carriedOverTo(itemId), children, figures, statuses, sheets));
    }

    private PlanState state(FiscalYear current) {
        return PlanState.of(plan.fromFiscalYear(), plan.lastFiscalYear(), current, successor.isPresent());
    }

    private static PlanViews.PlanLink link(Optional<Plan> other) {
        return other.map(found -> new PlanViews.PlanLink(found.planId(), found.name())).orElse(null);
    }

    /** The items of the predecessor this item continues, with what became of each; null when none. */
    private List<CarryoverLink> carriedOverFrom(ItemId itemId) {
        return predecessor.map(earlier -> {
            Map<ItemId, Item> earlierItems = byId(earlier);
            List<CarryoverLink> links = plan.carryovers().stream()
                    .filter(carried -> carried.itemIds().contains(itemId))
                    .map(carried -> carryoverLink(earlier, earlierItems.get(carried.predecessorItemId()),
                            carried.predecessorItemId(), carried.kind()))
                    .toList();
            return links.isEmpty() ? null : links;
        }).orElse(null);
    }

    /** What this item became in the successor plan; null when the successor says nothing of it. */
    private List<CarryoverLink> carriedOverTo(ItemId itemId) {
        return successor.map(later -> {
            Map<ItemId, Item> laterItems = byId(later);
            List<CarryoverLink> links = later.carryovers().stream()
                    .filter(carried -> carried.predecessorItemId().equals(itemId))
                    .flatMap(carried -> carried.itemIds().isEmpty()
                            ? Stream.of(carryoverLink(later, null, null, carried.kind()))
                            : carried.itemIds().stream().map(next -> carryoverLink(later, laterItems.get(next), next,
                                    carried.kind())))
                    .toList();
            return links.isEmpty() ? null : links;
        }).orElse(null);
    }

    /** The items of the predecessor or successor, read once per reading (every item of the tree asks). */
    private Map<ItemId, Item> byId(Plan of) {
        return otherPlansItems.computeIfAbsent(of.planId(), planId -> {
            Map<ItemId, Item> byId = new LinkedHashMap<>();
            itemsOf(of).forEach(item -> byId.put(item.itemId(), item));
            return byId;
        });
    }

    private static CarryoverLink carryoverLink(Plan of, Item item, ItemId itemId, Carryover kind) {
        return new CarryoverLink(of.planId(), itemId, item == null ? null : item.content().number(),
                item == null ? null : item.content().title(), kind.wireName(), kind.japanese());
    }

    private PlanViews.Ending ending() {
        return plan.endedAfter() == null ? null : new PlanViews.Ending(Year.of(plan.endedAfter()), plan.endReason());
    }

    /** What the city calls the item's level, if the plan names its levels. */
    private String levelName(Item item) {
        int level = level(item);
        return level <= plan.levelNames().size() ? plan.levelNames().get(level - 1) : null;
    }

    private Period period() {
        return new Period(Year.of(plan.fromFiscalYear()), Year.of(plan.toFiscalYear()));
    }

    private List<ClosedYear> closedYears() {
        return plan.closedYears().stream()
                .map(closed -> new ClosedYear(Year.of(closed.fiscalYear()), closed.councilReportedOn(),
                        closed.councilMeetingId() == null ? null : closed.councilMeetingId().value()))
                .toList();
    }

    /** 1 for an item at the top of the plan. */
    private int level(Item item) {
        int level = 1;
        for (Item parent = items.get(item.parentItemId()); parent != null; parent = items.get(parent.parentItemId())) {
            level++;
        }
        return level;
    }

    private ItemLink reportedWith(Item item) {
        ItemId other = item.content().reportedWithItemId();
        if (other == null) {
            return null;
        }
        Item shared = items.get(other);
        return shared == null ? new ItemLink(other, null, null) : link(shared);
    }

    private static ItemLink link(Item item) {
        return new ItemLink(item.itemId(), item.content().number(), item.content().title());
    }

    private static String outlook(Item item) {
        return item.content().outlook() == null ? null : item.content().outlook().japanese();
    }

    private static List<String> flags(Item item) {
        return item.content().flags().stream().map(ItemFlag::japanese).toList();
    }

    private static IndicatorView indicator(Item item) {
        return item.indicator() == null ? null : new IndicatorView(item.indicator().name(), item.indicator().unit(),
                item.indicator().baselineValue(), Year.of(item.indicator().baselineFiscalYear()));
    }
}
