package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * What became of an item of the predecessor plan in this plan: continued as an item, merged
 * into one, split into several, or ended. Recorded by the successor; a later one for the same
 * item of the predecessor supersedes it. An item's year-over-year history follows it.
 *
 * @param municipalityCode the municipality
 * @param planId the successor
 * @param predecessorItemId the item of the predecessor plan
 * @param kind what became of it
 * @param itemIds the items of this plan it became; none when it ended
 * @param note the city's words on it, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "ItemCarriedOver", revision = 1)
public record ItemCarriedOver(MunicipalityCode municipalityCode, PlanId planId, ItemId predecessorItemId,
        Carryover kind, List<ItemId> itemIds, String note) implements PlanEvent {

    public ItemCarriedOver {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.itemCarriedOver(this);
    }
}
