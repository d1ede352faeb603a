package jp.shinko.command.municipality;

import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingScheme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rate annual targets with this scheme from a fiscal year on.
 *
 * @param code the municipality
 * @param fromFiscalYear the first fiscal year rated with it
 * @param scheme the bands, from the highest rating down
 */
public record AdoptRatingScheme(@TargetAggregateIdentifier MunicipalityCode code, FiscalYear fromFiscalYear,
        RatingScheme scheme) implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
