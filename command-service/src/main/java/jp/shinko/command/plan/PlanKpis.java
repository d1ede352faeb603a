package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.plan.PlanCommands.DefineKpi;
import jp.shinko.command.plan.PlanCommands.RecordKpiObservation;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.plan.PlanAdopted;

/**
 * A plan's KPIs (成果指標) and their published figures: a target above another KPI names one the
 * plan has, a figure is recorded only for a defined KPI, and what is already so is not recorded
 * again. Pure, like the plan's other rule sets.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class PlanKpis {

    private Map<KpiId, KpiDefined> kpis = new HashMap<>();
    /** The latest figure of each KPI and reference, by the cell's row key. */
    private Map<String, KpiObservationRecorded> observations = new HashMap<>();

    List<Object> define(DefineKpi command, PlanAdopted plan, ItemTree tree) {
        if (command.target() instanceof KpiTarget.AboveKpi above
                && (above.otherKpiId().equals(command.kpiId()) || !kpis.containsKey(above.otherKpiId()))) {
            throw PlanRuleViolated.noSuchKpi("target.otherKpiId", above.otherKpiId());
        }
        for (int i = 0; i < command.directions().size(); i++) {
            if (!tree.has(command.directions().get(i))) {
                throw PlanRuleViolated.noSuchItem("directions[" + i + "]", command.directions().get(i));
            }
        }
        KpiDefined defined = new KpiDefined(plan.municipalityCode(), plan.planId(), command.kpiId(),
                command.name(), command.unit(), command.source(), command.baseline(), command.nextFigureExpected(),
                command.target(), command.directions(), command.baselineWording(), command.targetWording());
        return defined.equals(kpis.get(command.kpiId())) ? List.of() : List.of(defined);
    }

    List<Object> observe(RecordKpiObservation command, PlanAdopted plan) {
        if (!kpis.containsKey(command.kpiId())) {
            throw PlanRuleViolated.noSuchKpi("kpiId", command.kpiId());
        }
        KpiObservationRecorded recorded = new KpiObservationRecorded(plan.municipalityCode(), plan.planId(),
                command.kpiId(), command.figure(), command.publishedOn());
        return recorded.equals(observations.get(recorded.entryRef().rowKey())) ? List.of() : List.of(recorded);
    }

    void on(KpiDefined event) {
        kpis.put(event.kpiId(), event);
    }

    void on(KpiObservationRecorded event) {
        observations.put(event.entryRef().rowKey(), event);
    }
}
