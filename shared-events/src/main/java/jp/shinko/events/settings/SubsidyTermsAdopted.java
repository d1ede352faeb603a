package jp.shinko.events.settings;

import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.subsidy.SubsidyTerms;

/**
 * A programme's subsidy terms adopted by the local government that runs it, applying to the
 * projects it adopts from a fiscal year on (like a rating scheme); a project keeps the terms in
 * force in the year it was adopted over all its years.
 *
 * @param municipalityCode the local government whose programme it is, 130001 for 東京都
 * @param programme the item of its plan that is the programme
 * @param fromFiscalYear the first fiscal year of adoption the terms apply to
 * @param terms the terms
 */
@EventType(name = "SubsidyTermsAdopted", revision = 1)
public record SubsidyTermsAdopted(MunicipalityCode municipalityCode, ItemRef programme, FiscalYear fromFiscalYear,
        SubsidyTerms terms) implements SettingsEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.subsidyTermsAdopted(this);
    }
}
