package jp.shinko.events.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * A plan measures its outcome by a KPI (成果指標): what it counts, where the figures come from,
 * its baseline and its target. Defined again, it replaces the earlier definition.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param kpiId the KPI's identifier within the plan
 * @param name such as 市内事業所数
 * @param unit such as 事業所, %, 人
 * @param source such as 経済センサス
 * @param baseline the figure the plan starts from
 * @param nextFigureExpected when the next figure is expected, as the city writes it (令和7年12月頃)
 * @param target what it aims for; absent for a KPI that is only the other side of another's target
 * @param directionItemIds the items of the plan (Tama's 方向性) whose 対応する成果指標 it is; empty if not said
 * @param baselineWording the baseline as the city words it (「1,312人の流出過多 (2020年)」), if given
 * @param targetWording the target as the city words it (「流入過多を目指す (2030年)」), if given
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@EventType(name = "KpiDefined", revision = 1)
public record KpiDefined(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, String name, String unit,
        String source, KpiFigure baseline, String nextFigureExpected, KpiTarget target, List<ItemId> directionItemIds,
        String baselineWording, String targetWording) implements KpiEvent {

    public KpiDefined {
        directionItemIds = directionItemIds == null ? List.of() : List.copyOf(directionItemIds);
    }

    /** A KPI defined with no direction named and no wording of its own, as before either could be. */
    public KpiDefined(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, String name, String unit,
            String source, KpiFigure baseline, String nextFigureExpected, KpiTarget target) {
        this(municipalityCode, planId, kpiId, name, unit, source, baseline, nextFigureExpected, target, List.of(),
                null, null);
    }

    @Override
    public <R> R accept(KpiEvent.Visitor<R> visitor) {
        return visitor.kpiDefined(this);
    }
}
