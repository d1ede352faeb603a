package jp.shinko.events.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.shinko.events.InvalidField;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * What an item of a city's plan belongs to in another government's records: a programme of the
 * Metropolitan Government's plan, or a joint project it keeps (Musashino's row 2 names
 * 「武蔵野・三鷹・小金井魅力向上プロジェクト（広域連携）」). Exactly one of the two.
 *
 * @param keeper the government whose record it is, 130001 for 東京都
 * @param programme an item of the keeper's plan, for a programme
 * @param projectId a joint project the keeper keeps
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartOf(MunicipalityCode keeper, ItemRef programme, ProjectId projectId) {

    /**
     * @throws InvalidField when the keeper is missing, or not exactly one of programme and project is named
     */
    public PartOf {
        if (keeper == null) {
            throw new InvalidField("partOf.keeper", null, "is required: the code of the government whose record "
                    + "it is, such as 130001");
        }
        if ((programme == null) == (projectId == null)) {
            throw new InvalidField("partOf", null, "names either a programme (planId and itemId of the keeper's "
                    + "plan) or a projectId, not both and not neither");
        }
    }

    /** Whether this names the joint project. */
    public boolean names(MunicipalityCode projectKeeper, ProjectId project) {
        return keeper.equals(projectKeeper) && project.equals(projectId);
    }
}
