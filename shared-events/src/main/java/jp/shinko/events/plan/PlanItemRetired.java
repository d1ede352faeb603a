package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * An item is no longer part of the plan; it and its history are kept, and nothing more is
 * recorded for it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param reason why, as the city says it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "PlanItemRetired", revision = 1)
public record PlanItemRetired(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, String reason)
        implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planItemRetired(this);
    }
}
