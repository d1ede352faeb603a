package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * What a plan says of itself was revised: its name, period, goal or the names of its levels.
 * The description replaces the one before, which stays in history with the reason for the
 * change.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param name its name now
 * @param fromFiscalYear its first fiscal year now
 * @param toFiscalYear its last fiscal year now
 * @param goal its goal now, if it states one
 * @param levelNames the names of its levels now, from the top; empty if unnamed
 * @param reason why, as the city says it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@EventType(name = "PlanRevised", revision = 1)
public record PlanRevised(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
        FiscalYear toFiscalYear, String goal, List<String> levelNames, String reason) implements PlanEvent {

    public PlanRevised {
        levelNames = levelNames == null ? List.of() : List.copyOf(levelNames);
    }

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planRevised(this);
    }
}
