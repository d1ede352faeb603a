package jp.shinko.events.kpi;

import java.time.LocalDate;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.AboutEntry;
import jp.shinko.events.progress.EntryRef;

/**
 * A statistic was published for a KPI; a later one for the same reference supersedes it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param kpiId the KPI
 * @param figure the figure and the year or period it describes
 * @param publishedOn when the statistic was published
 */
@EventType(name = "KpiObservationRecorded", revision = 1)
public record KpiObservationRecorded(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId,
        KpiFigure figure, LocalDate publishedOn) implements KpiEvent, AboutEntry {

    @Override
    public EntryRef entryRef() {
        return new EntryRef.KpiObservation(kpiId, figure.reference());
    }

    @Override
    public <R> R accept(KpiEvent.Visitor<R> visitor) {
        return visitor.kpiObservationRecorded(this);
    }
}
