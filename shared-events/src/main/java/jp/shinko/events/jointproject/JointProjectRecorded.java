package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;

/**
 * A joint project as the prefecture adopted it (採択), or its record corrected: recorded again
 * with a reason, it supersedes what was recorded before.
 *
 * @param municipalityCode the prefecture that keeps the record, 130001 for 東京都
 * @param projectId the project among the prefecture's
 * @param programme the item of the prefecture's plan the project belongs to
 * @param title the project's name as written
 * @param purpose its purpose (目的) as written
 * @param outline its outline (概要) as written, line breaks kept
 * @param leadMunicipality the lead city (代表市)
 * @param partnerMunicipalities the other municipalities (【自治体】 after the lead), in the order written
 * @param partnerBodies the other bodies (【多様な主体】), in the order written
 * @param fiscalYear the fiscal year it was adopted (採択), its first year of subsidy
 * @param correctionReason why an earlier record is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "JointProjectRecorded", revision = 1)
public record JointProjectRecorded(MunicipalityCode municipalityCode, ProjectId projectId, ItemRef programme,
        String title, String purpose, String outline, MunicipalityCode leadMunicipality,
        List<MunicipalityCode> partnerMunicipalities, List<PartnerBody> partnerBodies, FiscalYear fiscalYear,
        String correctionReason) implements JointProjectEvent {

    public JointProjectRecorded {
        partnerMunicipalities = partnerMunicipalities == null ? List.of() : List.copyOf(partnerMunicipalities);
        partnerBodies = partnerBodies == null ? List.of() : List.copyOf(partnerBodies);
    }

    /** The lead, then the partner municipalities. */
    @Override
    @JsonIgnore
    public List<MunicipalityCode> participants() {
        List<MunicipalityCode> all = new ArrayList<>(partnerMunicipalities.size() + 1);
        all.add(leadMunicipality);
        all.addAll(partnerMunicipalities);
        return List.copyOf(all);
    }

    /** The same record without its reason, to tell whether a new one changes anything. */
    public JointProjectRecorded withoutReason() {
        return new JointProjectRecorded(municipalityCode, projectId, programme, title, purpose, outline,
                leadMunicipality, partnerMunicipalities, partnerBodies, fiscalYear, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.jointProjectRecorded(this);
    }
}
