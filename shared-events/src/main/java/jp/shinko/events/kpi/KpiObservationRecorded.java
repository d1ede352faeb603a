package jp.shinko.events.kpi;

import java.time.LocalDate;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

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
public record KpiObservationRecorded(MunicipalityCode municipalityCode, String planId, String kpiId,
        KpiFigure figure, LocalDate publishedOn) implements DomainEvent {
}
