package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.shinko.command.plan.PlanCommands.AddPlanItem;
import jp.shinko.command.plan.PlanCommands.MovePlanItem;
import jp.shinko.command.plan.PlanCommands.RetirePlanItem;
import jp.shinko.command.plan.PlanCommands.RevisePlanItem;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;

/**
 * The rules of a plan's tree of items: numbers unique among siblings, no item under itself,
 * cross-references to items that exist, an item retired only once nothing active is under it,
 * each item versioned on its own, and an editor bound to an organisation changing only that
 * organisation's items.
 *
 * <p>Pure: each decision reads only this state and the command and answers the events to record
 * (none when nothing changes) or throws; {@link Plan} applies them, and the {@code on} methods
 * change the state. Part of a plan's snapshot, so it holds only records, strings and numbers.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ItemTree {

    /** The deepest a plan's tree goes: the seed plans have three or four levels. */
    static final int MAX_DEPTH = 8;

    private Map<ItemId, Item> items = new LinkedHashMap<>();

    List<Object> add(AddPlanItem command, Writer writer, PlanAdopted plan) {
        Item existing = items.get(command.itemId());
        if (existing != null) {
            if (Objects.equals(existing.parentItemId(), command.parentItemId())
                    && existing.content().equals(command.content())) {
                return List.of();
            }
            throw PlanRuleViolated.itemExists(command.itemId());
        }
        writer.requireMayEdit(command.content().responsibleOrganisations());
        writer.requireRegistered(command.content().responsibleOrganisations());
        requireActiveParent(command.parentItemId());
        requireLevel("parentItemId", levelUnder(command.parentItemId()), plan.levelNames());
        requireFreeNumber(command.parentItemId(), command.content().number(), command.itemId());
        requireReportedWith(command.content(), command.itemId());
        return List.of(new PlanItemAdded(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.parentItemId(), command.content()));
    }

    List<Object> revise(RevisePlanItem command, Writer writer, PlanAdopted plan) {
        Item item = active(command.itemId(), command.expectedVersion());
        writer.requireMayEdit(item.content().responsibleOrganisations());
        if (item.content().equals(command.content())) {
            return List.of();
        }
        writer.requireMayEdit(command.content().responsibleOrganisations());
        writer.requireRegistered(command.content().responsibleOrganisations());
        requireFreeNumber(item.parentItemId(), command.content().number(), command.itemId());
        requireReportedWith(command.content(), command.itemId());
        return List.of(new PlanItemRevised(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.content()));
    }

    List<Object> move(MovePlanItem command, Writer writer, PlanAdopted plan) {
        Item item = active(command.itemId(), command.expectedVersion());
        writer.requireMayEdit(item.content().responsibleOrganisations());
        if (Objects.equals(item.parentItemId(), command.parentItemId())
                && item.content().number().equals(command.number())) {
            return List.of();
        }
        requireActiveParent(command.parentItemId());
        ItemId ancestor = command.parentItemId();
        for (; ancestor != null; ancestor = items.get(ancestor).parentItemId()) {
            if (ancestor.equals(command.itemId())) {
                throw PlanRuleViolated.underItself(command.itemId(), command.parentItemId());
            }
        }
        requireLevel("parentItemId", levelUnder(command.parentItemId()) + heightOf(command.itemId()) - 1,
                plan.levelNames());
        requireFreeNumber(command.parentItemId(), command.number(), command.itemId());
        return List.of(new PlanItemMoved(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.parentItemId(), command.number()));
    }

    List<Object> retire(RetirePlanItem command, Writer writer, PlanAdopted plan) {
        Item item = items.get(command.itemId());
        if (item == null) {
            throw PlanRuleViolated.noSuchItem("itemId", command.itemId());
        }
        if (item.retired()) {
            return List.of();
        }
        checkVersion(item, command.itemId(), command.expectedVersion());
        writer.requireMayEdit(item.content().responsibleOrganisations());
        long activeChildren = items.values().stream()
                .filter(child -> command.itemId().equals(child.parentItemId()) && !child.retired()).count();
        if (activeChildren > 0) {
            throw PlanRuleViolated.hasActiveItems(command.itemId(), activeChildren);
        }
        return List.of(new PlanItemRetired(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.reason()));
    }

    /** Whether the plan has (or had) the item. */
    boolean has(ItemId itemId) {
        return items.containsKey(itemId);
    }

    /** How many levels the tree has: 0 when it has no item. */
    int depth() {
        return items.keySet().stream().mapToInt(this::levelOf).max().orElse(0);
    }

    /**
     * Refuses level names that leave a level of the tree unnamed (names are optional, but when
     * given they name every level from the top).
     */
    static void requireLevelsNamed(List<String> levelNames, int depth) {
        if (!levelNames.isEmpty() && levelNames.size() < depth) {
            throw PlanRuleViolated.levelsTooFew(levelNames.size(), depth);
        }
    }

    /** Refuses an item on a level deeper than the plan names, or than any plan may have. */
    private static void requireLevel(String field, int level, List<String> levelNames) {
        if (level > MAX_DEPTH) {
            throw PlanRuleViolated.tooDeep(field, level, MAX_DEPTH, false);
        }
        if (!levelNames.isEmpty() && level > levelNames.size()) {
            throw PlanRuleViolated.tooDeep(field, level, levelNames.size(), true);
        }
    }

    /** 1 for an item at the top. */
    private int levelOf(ItemId itemId) {
        int level = 1;
        ItemId parent = items.get(itemId).parentItemId();
        for (; parent != null; parent = items.get(parent).parentItemId()) {
            level++;
        }
        return level;
    }

    /** The level an item under {@code parentItemId} is on. */
    private int levelUnder(ItemId parentItemId) {
        return parentItemId == null ? 1 : levelOf(parentItemId) + 1;
    }

    /** How many levels an item and the items under it take: 1 for an item with nothing under it. */
    private int heightOf(ItemId itemId) {
        return 1 + items.entrySet().stream().filter(entry -> itemId.equals(entry.getValue().parentItemId()))
                .mapToInt(entry -> heightOf(entry.getKey())).max().orElse(0);
    }

    /** The item's version: how many events changed it. */
    long versionOf(ItemId itemId) {
        return items.get(itemId).version();
    }

    /** What an item says, if it exists and is not retired, checked against the version the writer saw. */
    PlanItemContent activeItem(ItemId itemId, Long expectedVersion) {
        return active(itemId, expectedVersion).content();
    }

    private Item active(ItemId itemId, Long expectedVersion) {
        Item item = items.get(itemId);
        if (item == null) {
            throw PlanRuleViolated.noSuchItem("itemId", itemId);
        }
        if (item.retired()) {
            throw PlanRuleViolated.retired("itemId", itemId);
        }
        checkVersion(item, itemId, expectedVersion);
        return item;
    }

    private static void checkVersion(Item item, ItemId itemId, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw PlanRuleViolated.staleVersion(itemId, item.version(), expectedVersion);
        }
    }

    private void requireActiveParent(ItemId parentItemId) {
        if (parentItemId == null) {
            return;
        }
        Item parent = items.get(parentItemId);
        if (parent == null) {
            throw PlanRuleViolated.noSuchItem("parentItemId", parentItemId);
        }
        if (parent.retired()) {
            throw PlanRuleViolated.retired("parentItemId", parentItemId);
        }
    }

    private void requireFreeNumber(ItemId parentItemId, String number, ItemId itemId) {
        Optional<ItemId> sibling = items.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(itemId) && !entry.getValue().retired()
                        && Objects.equals(entry.getValue().parentItemId(), parentItemId)
                        && entry.getValue().content().number().equals(number))
                .map(Map.Entry::getKey)
                .findFirst();
        if (sibling.isPresent()) {
            throw PlanRuleViolated.numberTaken(number, sibling.get().value());
        }
    }

    private void requireReportedWith(PlanItemContent content, ItemId itemId) {
        ItemId other = content.reportedWithItemId();
        if (other != null && (other.equals(itemId) || !items.containsKey(other))) {
            throw PlanRuleViolated.noSuchItem("reportedWithItemId", other);
        }
    }

    void on(PlanItemAdded event) {
        items.put(event.itemId(), new Item(event.parentItemId(), event.content(), false, 1));
    }

    void on(PlanItemRevised event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(), item.changed(item.parentItemId(), event.content(), false));
    }

    void on(PlanItemMoved event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(), item.changed(event.parentItemId(), item.content().withNumber(event.number()), false));
    }

    void on(PlanItemRetired event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(), item.changed(item.parentItemId(), item.content(), true));
    }

    /** An item's state within the plan; its version counts the events that changed it. */
    private record Item(ItemId parentItemId, PlanItemContent content, boolean retired, long version) {

        Item changed(ItemId newParentItemId, PlanItemContent newContent, boolean nowRetired) {
            return new Item(newParentItemId, newContent, nowRetired, version + 1);
        }
    }
}
