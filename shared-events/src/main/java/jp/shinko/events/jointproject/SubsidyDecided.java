package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The prefecture's decision on a project's subsidy (補助金交付) for one fiscal year, within the
 * programme's terms; recorded again with a reason, it supersedes the year's earlier decision.
 *
 * @param municipalityCode the prefecture that keeps the project
 * @param projectId the project
 * @param fiscalYear the fiscal year granted for
 * @param projectYear the project's year of subsidy, 1 for the year it was adopted
 * @param eligibleCostYen the eligible cost the application states (補助対象経費), in yen
 * @param grantYen the grant decided, in yen
 * @param participants the project's municipalities when decided, the lead first
 * @param correctionReason why the year's earlier decision is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "SubsidyDecided", revision = 1)
public record SubsidyDecided(MunicipalityCode municipalityCode, ProjectId projectId, FiscalYear fiscalYear,
        int projectYear, long eligibleCostYen, long grantYen, List<MunicipalityCode> participants,
        String correctionReason) implements JointProjectEvent {

    public SubsidyDecided {
        participants = List.copyOf(participants);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.subsidyDecided(this);
    }
}
