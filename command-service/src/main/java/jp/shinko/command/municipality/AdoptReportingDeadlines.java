package jp.shinko.command.municipality;

import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.ReportingDeadlines;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Expect reports by these deadlines from now on.
 *
 * @param code the municipality
 * @param deadlines days after each period by which its reports are due
 */
public record AdoptReportingDeadlines(@TargetAggregateIdentifier MunicipalityCode code, ReportingDeadlines deadlines)
        implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
