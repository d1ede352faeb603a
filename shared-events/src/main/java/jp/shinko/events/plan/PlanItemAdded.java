package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An item was added to a plan, at the top or under another item.
 *
 * <p>Revision 2: the content may name no responsible organisation (a level of the plan above
 * the items that report, for which the city names none), and may carry the item's description
 * and the explanation of its 再掲. Revision 1 is read as revision 2.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item's identifier within the plan; never reused
 * @param parentItemId the item it belongs under; {@code null} at the top of the plan
 * @param content what it says
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "PlanItemAdded", revision = 2)
public record PlanItemAdded(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, ItemId parentItemId,
        PlanItemContent content) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planItemAdded(this);
    }
}
