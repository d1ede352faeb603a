package jp.shinko.events.settings;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A municipality expects its reports by these deadlines from now on.
 *
 * @param municipalityCode the municipality
 * @param deadlines days after each period by which its reports are due
 */
@EventType(name = "ReportingDeadlinesAdopted", revision = 1)
public record ReportingDeadlinesAdopted(MunicipalityCode municipalityCode, ReportingDeadlines deadlines)
        implements SettingsEvent {

    @Override
    public <R> R accept(SettingsEvent.Visitor<R> visitor) {
        return visitor.reportingDeadlinesAdopted(this);
    }
}
