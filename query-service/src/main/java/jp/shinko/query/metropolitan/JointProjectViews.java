package jp.shinko.query.metropolitan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.JointProjects.Project;
import jp.shinko.events.jointproject.PartnerBody;
import jp.shinko.events.jointproject.ProjectResultReported;
import jp.shinko.events.jointproject.ResultFigure;
import jp.shinko.events.jointproject.SubsidyDecided;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.subsidy.SubsidyTerms;
import jp.shinko.query.metropolitan.KeptRecords.Keeping;

/** What the joint-project endpoints answer. */
final class JointProjectViews {

    private JointProjectViews() {
    }

    /** A municipality as a project names it: its code and its name. */
    record Municipality(String code, String name) {

        static Municipality of(Keeping keeping, MunicipalityCode code) {
            return new Municipality(code.value(), keeping.nameOf(code));
        }
    }

    /** The programme a project belongs to: an item of the keeper's plan, with its title. */
    record Programme(String planId, String itemId, String title) {

        static Programme of(Keeping keeping, ItemRef item) {
            return new Programme(item.planId().value(), item.itemId().value(), keeping.programmeTitles().get(item));
        }
    }

    /** A fiscal year, by the calendar year it starts in and as 令和N年度. */
    record Year(int value, String japanese) {

        static Year of(FiscalYear year) {
            return new Year(year.value(), year.japanese());
        }
    }

    /**
     * One joint project as it stood.
     *
     * @param keeper the prefecture that keeps it
     * @param participation for a list of one municipality's projects: lead or partner
     * @param fiscalYear the year it was adopted (採択)
     * @param subsidyYears the years its subsidy may run under the programme's terms (補助期間); absent
     *     while the programme has no terms for the year it was adopted
     * @param subsidyTotalYen what it was granted over all its years
     * @param correctionReason why its record was last corrected, if it was
     * @param linkedItems for one project: the items of the participants' plans that say they belong to it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProjectView(String keeper, String projectId, String participation, Programme programme, String title,
            String purpose, String outline, Year fiscalYear, List<Year> subsidyYears, Municipality leadMunicipality,
            List<Municipality> partnerMunicipalities, List<PartnerBodyView> partnerBodies,
            List<SubsidyView> subsidies, long subsidyTotalYen, List<ResultView> results, String correctionReason,
            List<KeptRecords.LinkedItem> linkedItems) {

        /** The same project with the items that say they belong to it. */
        ProjectView withLinkedItems(List<KeptRecords.LinkedItem> items) {
            return new ProjectView(keeper, projectId, participation, programme, title, purpose, outline, fiscalYear,
                    subsidyYears, leadMunicipality, partnerMunicipalities, partnerBodies, subsidies, subsidyTotalYen,
                    results, correctionReason, items);
        }

        static ProjectView of(Keeping keeping, Project project, MunicipalityCode listedFor) {
            JointProjectRecorded recorded = project.project();
            String participation = listedFor == null || listedFor.equals(keeping.keeper()) ? null
                    : recorded.leadMunicipality().equals(listedFor) ? "lead" : "partner";
            List<Year> subsidyYears = keeping.terms().of(recorded.programme(), recorded.fiscalYear())
                    .map(terms -> years(recorded.fiscalYear(), terms)).orElse(null);
            return new ProjectView(keeping.keeper().value(), recorded.projectId().value(), participation,
                    Programme.of(keeping, recorded.programme()), recorded.title(), recorded.purpose(),
                    recorded.outline(), Year.of(recorded.fiscalYear()), subsidyYears,
                    Municipality.of(keeping, recorded.leadMunicipality()),
                    recorded.partnerMunicipalities().stream().map(code -> Municipality.of(keeping, code)).toList(),
                    recorded.partnerBodies().stream().map(PartnerBodyView::of).toList(),
                    project.subsidies().stream().map(SubsidyView::of).toList(), project.totalGranted(),
                    project.results().stream().map(result -> ResultView.of(keeping, recorded, result)).toList(),
                    recorded.correctionReason(), null);
        }

        private static List<Year> years(FiscalYear first, SubsidyTerms terms) {
            return IntStream.range(0, terms.maxYears())
                    .mapToObj(offset -> Year.of(FiscalYear.of(first.value() + offset))).toList();
        }
    }

    /** A body taking part, with its kind where the documents say it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartnerBodyView(String name, String kind, String kindJapanese) {

        static PartnerBodyView of(PartnerBody body) {
            return new PartnerBodyView(body.name(), body.kind() == null ? null : body.kind().wireName(),
                    body.kind() == null ? null : body.kind().japanese());
        }
    }

    /** The subsidy decided for one fiscal year. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubsidyView(Year fiscalYear, int projectYear, long eligibleCostYen, long grantYen,
            String correctionReason) {

        static SubsidyView of(SubsidyDecided decided) {
            return new SubsidyView(Year.of(decided.fiscalYear()), decided.projectYear(), decided.eligibleCostYen(),
                    decided.grantYen(), decided.correctionReason());
        }
    }

    /** One municipality's part of a year's results; the lead's part is the project's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResultView(Year fiscalYear, Municipality part, boolean lead, String results,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FigureView> figures, String correctionReason) {

        static ResultView of(Keeping keeping, JointProjectRecorded project, ProjectResultReported reported) {
            return new ResultView(Year.of(reported.fiscalYear()), Municipality.of(keeping, reported.part()),
                    reported.part().equals(project.leadMunicipality()), reported.results(),
                    reported.figures().stream().map(FigureView::of).toList(), reported.correctionReason());
        }
    }

    /** A figure the results give. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FigureView(String label, BigDecimal value, String unit) {

        static FigureView of(ResultFigure figure) {
            return new FigureView(figure.label(), figure.value(), figure.unit());
        }
    }

    /**
     * A page of projects.
     *
     * @param municipalityCode the keeper whose projects these are, or the municipality that leads or joins them
     * @param totalProjects how many there are over all pages
     */
    record ProjectPage(String municipalityCode, String municipalityName, List<ProjectView> projects, int page,
            int size, int totalProjects) {
    }

    /**
     * What a programme granted in one fiscal year.
     *
     * @param projects how many projects were granted a subsidy that year
     */
    record SubsidyTotal(Programme programme, Year fiscalYear, int projects, long eligibleCostYen, long grantYen) {
    }

    /** A page of subsidy totals, by programme then fiscal year, and the total of all of them. */
    record SubsidyTotalPage(String municipalityCode, String municipalityName, List<SubsidyTotal> totals,
            long grantYen, int page, int size, int totalRows) {
    }
}
