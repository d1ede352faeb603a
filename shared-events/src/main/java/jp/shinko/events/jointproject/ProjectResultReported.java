package jp.shinko.events.jointproject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.shinko.events.EventType;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * A project's results (実績) of a fiscal year as one of its municipalities reports them: the
 * lead city's part is the project's results, a partner's part what it adds of its own. Reported
 * again with a reason, it supersedes that part's earlier report.
 *
 * @param municipalityCode the prefecture that keeps the project
 * @param projectId the project
 * @param fiscalYear the fiscal year the results are of
 * @param part the municipality whose part this is, which reported it
 * @param results the results as written, line breaks kept
 * @param figures the figures the results give, where they give any
 * @param participants the project's municipalities when reported, the lead first
 * @param correctionReason why the part's earlier report is corrected; none the first time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@EventType(name = "ProjectResultReported", revision = 1)
public record ProjectResultReported(MunicipalityCode municipalityCode, ProjectId projectId, FiscalYear fiscalYear,
        MunicipalityCode part, String results, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResultFigure> figures,
        List<MunicipalityCode> participants, String correctionReason) implements JointProjectEvent {

    public ProjectResultReported {
        figures = figures == null ? List.of() : List.copyOf(figures);
        participants = List.copyOf(participants);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.projectResultReported(this);
    }
}
