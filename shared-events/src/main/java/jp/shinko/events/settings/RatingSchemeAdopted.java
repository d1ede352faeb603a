package jp.shinko.events.settings;

import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A municipality rates its annual targets with this scheme from a fiscal year on, until it
 * adopts another; earlier years keep the scheme that applied to them.
 *
 * @param municipalityCode the municipality
 * @param fromFiscalYear the first fiscal year rated with it
 * @param scheme the bands
 */
@EventType(name = "RatingSchemeAdopted", revision = 1)
public record RatingSchemeAdopted(MunicipalityCode municipalityCode, FiscalYear fromFiscalYear, RatingScheme scheme)
        implements SettingsEvent {

    @Override
    public <R> R accept(SettingsEvent.Visitor<R> visitor) {
        return visitor.ratingSchemeAdopted(this);
    }
}
