package jp.shinko.events.plan;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A plan succeeds an earlier plan of the same municipality, which ended before it began (seed
 * 001's 第二期 plan, whose work goes on 「新たな計画の中で」, and seed 002's new plan). Recorded by
 * the successor.
 *
 * @param municipalityCode the municipality
 * @param planId the successor
 * @param predecessorPlanId the plan it succeeds
 */
@EventType(name = "PlanSuccessionRecorded", revision = 1)
public record PlanSuccessionRecorded(MunicipalityCode municipalityCode, PlanId planId, PlanId predecessorPlanId)
        implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planSuccessionRecorded(this);
    }
}
