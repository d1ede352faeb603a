package jp.shinko.command.municipality;

import jp.shinko.command.access.CityWideChange;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.subsidy.SubsidyTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Subsidise the projects a programme adopts from a fiscal year on under these terms.
 *
 * @param code the local government whose programme it is
 * @param programme the item of its plan that is the programme
 * @param fromFiscalYear the first fiscal year of adoption the terms apply to
 * @param terms the terms
 */
public record AdoptSubsidyTerms(@TargetAggregateIdentifier MunicipalityCode code, ItemRef programme,
        FiscalYear fromFiscalYear, SubsidyTerms terms) implements CityWideChange {

    @Override
    public MunicipalityCode municipalityCode() {
        return code;
    }
}
