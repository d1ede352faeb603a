package jp.shinko.events.plan;

import jp.shinko.events.DomainEvent;
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
public record PlanItemRevised(MunicipalityCode municipalityCode, String planId, String itemId,
        PlanItemContent content) implements DomainEvent {
}
