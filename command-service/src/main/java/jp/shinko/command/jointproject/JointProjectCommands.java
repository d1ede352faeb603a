package jp.shinko.command.jointproject;

import java.util.List;
import jp.shinko.command.access.CityWideChange;
import jp.shinko.command.access.SharedRecordPart;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.PartnerBody;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.jointproject.ResultFigure;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a joint project, handled by its record, which its keeper (a prefecture) owns. */
public final class JointProjectCommands {

    private JointProjectCommands() {
    }

    /** A command on one project: its record is named by its keeper and project id. */
    public interface ProjectCommand {

        MunicipalityCode keeper();

        ProjectId projectId();

        @TargetAggregateIdentifier
        default String projectRecordId() {
            return JointProject.recordId(keeper(), projectId());
        }
    }

    /**
     * Adopt a joint project, or correct its record with a reason: sent by the keeper's editors.
     *
     * @param municipalities every municipality taking part, the lead among them, in the order written
     */
    public record RecordJointProject(MunicipalityCode keeper, ProjectId projectId, ItemRef programme, String title,
            String purpose, String outline, MunicipalityCode leadMunicipality, List<MunicipalityCode> municipalities,
            List<PartnerBody> partnerBodies, FiscalYear fiscalYear, String correctionReason)
            implements ProjectCommand, CityWideChange {

        @Override
        public MunicipalityCode municipalityCode() {
            return keeper;
        }
    }

    /**
     * Decide a project's subsidy for a fiscal year: sent by the keeper's editors.
     *
     * @param grantYen the grant decided; absent for the most the programme's terms allow
     */
    public record DecideSubsidy(MunicipalityCode keeper, ProjectId projectId, FiscalYear fiscalYear,
            long eligibleCostYen, Long grantYen, String correctionReason) implements ProjectCommand, CityWideChange {

        @Override
        public MunicipalityCode municipalityCode() {
            return keeper;
        }
    }

    /**
     * Report a municipality's part of a project's results for a fiscal year: sent by that
     * municipality's editors; the lead's part is the project's results.
     *
     * @param currentFiscalYear the fiscal year when sent: no results are reported for a later one
     */
    public record ReportProjectResult(MunicipalityCode keeper, ProjectId projectId, FiscalYear fiscalYear,
            MunicipalityCode part, String results, List<ResultFigure> figures, String correctionReason,
            FiscalYear currentFiscalYear) implements ProjectCommand, SharedRecordPart {
    }
}
