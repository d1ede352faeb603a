package jp.shinko.query.plans;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jp.shinko.events.progress.AboutEntry;
import jp.shinko.events.progress.EntryRef;
import org.axonframework.eventhandling.EventMessage;

/**
 * The versions a writer sends as {@code expectedVersion}, counted from a plan's events as the
 * plan record counts them: an item's version is the number of events that added, revised,
 * moved or retired it, and a cell's ({@link EntryRef#key()}) the number of events that filled
 * it in. Read from the events rather than the projection, so a client that has just written
 * reads the version its next write needs.
 */
final class EntryVersions {

    private static final PlanEvent.Visitor<Optional<ItemId>> ITEM_CHANGED = new PlanEvent.Visitor<>() {

        @Override
        public Optional<ItemId> planAdopted(PlanAdopted event) {
            return Optional.empty();
        }

        @Override
        public Optional<ItemId> planRevised(PlanRevised event) {
            return Optional.empty();
        }

        @Override
        public Optional<ItemId> planEnded(PlanEnded event) {
            return Optional.empty();
        }

        @Override
        public Optional<ItemId> planSuccessionRecorded(PlanSuccessionRecorded event) {
            return Optional.empty();
        }

        @Override
        public Optional<ItemId> itemCarriedOver(ItemCarriedOver event) {
            return Optional.empty();
        }

        @Override
        public Optional<ItemId> planItemAdded(PlanItemAdded event) {
            return Optional.of(event.itemId());
        }

        @Override
        public Optional<ItemId> planItemRevised(PlanItemRevised event) {
            return Optional.of(event.itemId());
        }

        @Override
        public Optional<ItemId> planItemMoved(PlanItemMoved event) {
            return Optional.of(event.itemId());
        }

        @Override
        public Optional<ItemId> planItemRetired(PlanItemRetired event) {
            return Optional.of(event.itemId());
        }
    };

    private final Map<ItemId, Long> items = new HashMap<>();
    private final Map<String, Long> entries = new HashMap<>();

    private EntryVersions() {
    }

    /** The versions after a municipality's events, of which those of other plans are passed over. */
    static EntryVersions of(PlanId planId, List<? extends EventMessage<?>> events) {
        EntryVersions versions = new EntryVersions();
        for (EventMessage<?> message : events) {
            Object event = message.getPayload();
            if (event instanceof PlanEvent planEvent && planEvent.planId().equals(planId)) {
                planEvent.accept(ITEM_CHANGED).ifPresent(item -> versions.items.merge(item, 1L, Long::sum));
            } else if (event instanceof AboutEntry entry && entry.planId().equals(planId)
                    && !(entry.entryRef() instanceof EntryRef.KpiObservation)) {
                versions.entries.merge(entry.entryRef().key(), 1L, Long::sum);
            }
        }
        return versions;
    }

    /** The item's version: 0 if it was never added. */
    long ofItem(ItemId itemId) {
        return items.getOrDefault(itemId, 0L);
    }

    /** The cell's version: 0 before its first value. */
    long of(EntryRef entry) {
        return entries.getOrDefault(entry.key(), 0L);
    }
}
