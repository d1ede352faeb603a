package jp.shinko.command.plan;

import java.util.List;
import jp.shinko.events.plan.ItemId;

/**
 * What became of one item's entries in a table entered at once: each entry's result when the
 * item was recorded, or why the item was refused (then none of its entries was recorded).
 *
 * @param itemId the item
 * @param entries each entry's result, in the order sent; empty when refused
 * @param refusal the rule or access check that refused the item, or null
 * @param refusedEntry the index of the entry refused, or -1
 */
record ItemOutcome(ItemId itemId, List<EntryResult> entries, RuntimeException refusal, int refusedEntry) {

    static ItemOutcome recorded(ItemId itemId, List<EntryResult> entries) {
        return new ItemOutcome(itemId, List.copyOf(entries), null, -1);
    }

    static ItemOutcome refused(ItemId itemId, RuntimeException refusal, int entry) {
        return new ItemOutcome(itemId, List.of(), refusal, entry);
    }
}
