package jp.shinko.events.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.AboutFiscalYear;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;

/**
 * The city's own rating of an item for a fiscal year, with its reason. Seed 004 calls its bands
 * 「評価の目安」, a guide, and defines each rating as a judgement of where the work is heading: the
 * rating computed from target and actual stays, and this one, where recorded, is the city's and
 * counts as its rating. A later one for the same year supersedes it.
 *
 * @param municipalityCode the municipality
 * @param planId the plan
 * @param itemId the item
 * @param fiscalYear the year
 * @param rating a label of the municipality's rating scheme for the year, such as B
 * @param reason why, as the city says it
 * @param correctionReason why a closed fiscal year's entry was corrected; absent while the year is open
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "CityRatingRecorded", revision = 1)
public record CityRatingRecorded(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
        FiscalYear fiscalYear, String rating, String reason, String correctionReason)
        implements ProgressEvent, AboutEntry, Correctable, AboutFiscalYear {

    @Override
    public EntryRef.CityRating entryRef() {
        return new EntryRef.CityRating(itemId, fiscalYear);
    }

    @Override
    public <R> R accept(ProgressEvent.Visitor<R> visitor) {
        return visitor.cityRatingRecorded(this);
    }
}
