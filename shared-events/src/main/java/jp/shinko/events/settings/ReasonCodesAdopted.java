package jp.shinko.events.settings;

import jp.shinko.events.EventType;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A municipality gives 4th-quarter reasons from this list from now on.
 *
 * @param municipalityCode the municipality
 * @param reasonCodes the list
 */
@EventType(name = "ReasonCodesAdopted", revision = 1)
public record ReasonCodesAdopted(MunicipalityCode municipalityCode, ReasonCodes reasonCodes) implements SettingsEvent {

    @Override
    public <R> R accept(SettingsEvent.Visitor<R> visitor) {
        return visitor.reasonCodesAdopted(this);
    }
}
