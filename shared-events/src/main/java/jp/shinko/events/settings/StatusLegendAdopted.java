package jp.shinko.events.settings;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A municipality reports quarterly status with this legend from now on.
 *
 * @param municipalityCode the municipality
 * @param legend the symbols and their meanings
 */
@EventType(name = "StatusLegendAdopted", revision = 1)
public record StatusLegendAdopted(MunicipalityCode municipalityCode, StatusLegend legend) implements SettingsEvent {

    @Override
    public <R> R accept(SettingsEvent.Visitor<R> visitor) {
        return visitor.statusLegendAdopted(this);
    }
}
