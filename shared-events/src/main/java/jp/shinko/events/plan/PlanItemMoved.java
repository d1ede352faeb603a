package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An item now belongs under another item (or at the top), with the number it has there.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param parentItemId its new parent; {@code null} at the top of the plan
 * @param number its number among its new siblings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "PlanItemMoved", revision = 1)
public record PlanItemMoved(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, ItemId parentItemId,
        String number) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planItemMoved(this);
    }
}
