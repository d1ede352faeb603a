package jp.shinko.events.plan;

import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A plan was ended: nothing is expected of its items after its last fiscal year, which may be
 * earlier than the end of the period it was adopted for. Its records are kept.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param lastFiscalYear the last fiscal year the plan runs
 * @param reason why, as the city says it
 */
@EventType(name = "PlanEnded", revision = 1)
public record PlanEnded(MunicipalityCode municipalityCode, PlanId planId, FiscalYear lastFiscalYear, String reason)
        implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planEnded(this);
    }
}
