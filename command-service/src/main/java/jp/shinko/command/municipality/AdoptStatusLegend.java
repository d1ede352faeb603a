package jp.shinko.command.municipality;

import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.StatusLegend;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Report quarterly status with this legend from now on.
 *
 * @param code the municipality
 * @param legend the symbols, their meanings, and which need a 4th-quarter reason
 */
public record AdoptStatusLegend(@TargetAggregateIdentifier MunicipalityCode code, StatusLegend legend)
        implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
