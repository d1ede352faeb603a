package jp.shinko.events.plan;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * What an item says was revised; the content replaces the earlier one, which stays in history.
 *
 * <p>Revision 2: the content may name no responsible organisation (a level of the plan above
 * the items that report, for which the city names none), and may carry the item's description
 * and the explanation of its 再掲. Revision 1 is read as revision 2.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param content what it says now
 */
@EventType(name = "PlanItemRevised", revision = 2)
public record PlanItemRevised(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        PlanItemContent content) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planItemRevised(this);
    }
}
