package jp.shinko.command.municipality;

import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.ReasonCodes;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give 4th-quarter reasons from this list from now on.
 *
 * @param code the municipality
 * @param reasonCodes the list
 */
public record AdoptReasonCodes(@TargetAggregateIdentifier MunicipalityCode code, ReasonCodes reasonCodes)
        implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
