package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
 * @param goal the plan's goal as the city words it (Tama's 計画の目標), if it states one
 * @param levelNames what the city calls each level of the plan's tree, from the top (Tama:
 *     方向性, 基本方針, 施策), if it names them; empty otherwise
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@EventType(name = "PlanAdopted", revision = 1)
public record PlanAdopted(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
        FiscalYear toFiscalYear, String goal, List<String> levelNames) implements PlanEvent {

    public PlanAdopted {
        levelNames = levelNames == null ? List.of() : List.copyOf(levelNames); // events stored before they existed
    }

    /** A plan with no goal and unnamed levels, as plans were adopted before either could be recorded. */
    public PlanAdopted(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
            FiscalYear toFiscalYear) {
        this(municipalityCode, planId, name, fromFiscalYear, toFiscalYear, null, List.of());
    }

    @Override
    public <R> R accept(PlanEvent.Visitor<R> visitor) {
        return visitor.planAdopted(this);
    }
}
