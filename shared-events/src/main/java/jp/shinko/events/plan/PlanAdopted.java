package jp.shinko.events.plan;

import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A municipality adopted a plan for a period of fiscal years; its items follow.
 *
 * @param municipalityCode the municipality
 * @param planId the plan's identifier within the municipality, such as {@code shoko-2023}
 * @param name its name, such as あきる野市商工業振興プラン
 * @param fromFiscalYear its first fiscal year
 * @param toFiscalYear its last fiscal year
 */
@EventType(name = "PlanAdopted", revision = 1)
public record PlanAdopted(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
        FiscalYear toFiscalYear) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planAdopted(this);
    }
}
