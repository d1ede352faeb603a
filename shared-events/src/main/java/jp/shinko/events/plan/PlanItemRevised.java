package jp.shinko.events.plan;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * What an item says was revised; the content replaces the earlier one, which stays in history.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param content what it says now
 */
@EventType(name = "PlanItemRevised", revision = 1)
public record PlanItemRevised(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        PlanItemContent content) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planItemRevised(this);
    }
}
