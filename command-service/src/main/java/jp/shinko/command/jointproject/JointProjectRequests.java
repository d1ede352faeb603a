package jp.shinko.command.jointproject;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.command.jointproject.JointProjectCommands.DecideSubsidy;
import jp.shinko.command.jointproject.JointProjectCommands.RecordJointProject;
import jp.shinko.command.jointproject.JointProjectCommands.ReportProjectResult;
import jp.shinko.command.municipality.AdoptSubsidyTerms;
import jp.shinko.command.problem.RequestFields;
import jp.shinko.events.InvalidField;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.PartnerBody;
import jp.shinko.events.jointproject.PartnerKind;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.jointproject.ResultFigure;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.subsidy.SubsidyTerms;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import jp.shinko.infra.edge.MultiLineText;

/** The bodies of the joint-project endpoints, each read into its command; a bad field is a 400 naming it. */
final class JointProjectRequests {

    private static final String ID_RULE = "1 to 64 letters, digits, '.', '_' and '-', e.g. r6-akigawa";
    private static final int LONGEST_TEXT = 4000;
    /** The most municipalities a project names: every municipality of a prefecture could join. */
    private static final int MOST_MUNICIPALITIES = 200;
    private static final int MOST_BODIES = 100;
    private static final int MOST_FIGURES = 50;
    private static final BigDecimal LARGEST_FIGURE = new BigDecimal("1000000000000");
    private static final long LARGEST_AMOUNT_YEN = 1_000_000_000_000L;
    private static final Pattern RATE = Pattern.compile("(\\d{1,4})\\s*/\\s*(\\d{1,4})");

    private JointProjectRequests() {
    }

    static ProjectId projectId(String value) {
        return ProjectId.of(RequestFields.identifier("projectId", value, RequestFields.ID, ID_RULE));
    }

    static ItemRef item(String planField, String planId, String itemField, String itemId) {
        return new ItemRef(RequestFields.planId(planField, planId), ItemId.of(RequestFields.identifier(itemField,
                itemId, RequestFields.ID, "1 to 64 letters, digits, '.', '_' and '-', e.g. renkei")));
    }

    /** The body of {@code PUT /municipalities/{code}/plans/{planId}/items/{itemId}/subsidy-terms}. */
    @Schema(description = "A programme's subsidy terms, for the projects it adopts from a fiscal year on")
    record SubsidyTermsRequest(
            @Schema(description = "The first fiscal year of adoption they apply to: 2024, R6 or 令和6", example = "R6")
            String fromFiscalYear,
            @Schema(description = "補助期間: the most fiscal years a project is subsidised", example = "3")
            Integer maxYears,
            @Schema(description = "補助上限額: the most a project is granted over its years, in yen",
                    example = "20000000") Long projectCapYen,
            @Schema(description = "The most a project is granted in its first year, in yen", example = "10000000")
            Long firstYearCapYen,
            @Schema(description = "補助率 as a fraction", example = "2/3") String rate) {

        AdoptSubsidyTerms toCommand(MunicipalityCode code, PlanId planId, ItemId itemId) {
            FiscalYear from = RequestFields.fiscalYear("fromFiscalYear", fromFiscalYear);
            int years = required("maxYears", maxYears == null ? null : maxYears.longValue()).intValue();
            long cap = required("projectCapYen", projectCapYen);
            long firstYear = required("firstYearCapYen", firstYearCapYen);
            Matcher fraction = rate == null ? null : RATE.matcher(rate.strip());
            if (fraction == null || !fraction.matches()) {
                throw new InvalidRequest(new FieldProblem("rate", rate, "is required: a fraction such as 2/3"));
            }
            // a term out of range is an InvalidField naming it: a 400
            return new AdoptSubsidyTerms(code, new ItemRef(planId, itemId), from, new SubsidyTerms(years, cap,
                    firstYear, Integer.parseInt(fraction.group(1)), Integer.parseInt(fraction.group(2))));
        }

        private static Long required(String field, Long value) {
            if (value == null || value < 0 || value > LARGEST_AMOUNT_YEN) {
                throw new InvalidRequest(new FieldProblem(field, value, "is required: a whole number from 0 to "
                        + LARGEST_AMOUNT_YEN));
            }
            return value;
        }
    }

    /** The programme a project belongs to: an item of the keeper's plan. */
    record ProgrammeRequest(@Schema(example = "tama-2026") String planId, @Schema(example = "renkei") String itemId) {
    }

    /** A body other than a municipality taking part. */
    record PartnerBodyRequest(
            @Schema(description = "As written", example = "清瀬市観光協会") String name,
            @Schema(description = "company, university, non-profit, chamber-of-commerce, tourism-association, "
                    + "social-welfare, financial, support-body or other (or the Japanese name); leave out where "
                    + "the documents do not say", example = "tourism-association") String kind) {

        PartnerBody toBody(String field) {
            PartnerKind checked = null;
            if (kind != null && !kind.isBlank()) {
                try {
                    checked = PartnerKind.of(kind.strip());
                } catch (InvalidField invalid) {
                    throw new InvalidRequest(new FieldProblem(field + ".kind", kind, invalid.getMessage()));
                }
            }
            return new PartnerBody(RequestFields.text(field + ".name", name, 200, true), checked);
        }
    }

    /** The body of {@code PUT /municipalities/{code}/joint-projects/{projectId}}. */
    @Schema(description = "A joint project as adopted (採択), or its record corrected")
    record ProjectRequest(
            ProgrammeRequest programme,
            @Schema(example = "新たなコミュニティの創出に向けた地域連携イベントによる地域活性化プロジェクト") String title,
            @Schema(description = "目的, as written") @MultiLineText String purpose,
            @Schema(description = "概要, as written, line breaks kept") @MultiLineText String outline,
            @Schema(description = "The lead city (代表市): one of municipalities", example = "132225")
            String leadMunicipality,
            @Schema(description = "Every municipality taking part, the lead among them, in the order written: at "
                    + "least 2", example = "[\"132225\", \"132217\"]") List<String> municipalities,
            @Schema(description = "The other bodies taking part (多様な主体), in the order written")
            List<PartnerBodyRequest> partnerBodies,
            @Schema(description = "The fiscal year it was adopted (採択): 2026, R8 or 令和8", example = "R8")
            String fiscalYear,
            @Schema(description = "Required to change a project already recorded") @MultiLineText
            String correctionReason) {

        RecordJointProject toCommand(MunicipalityCode keeper, String projectId) {
            if (programme == null) {
                throw new InvalidRequest(new FieldProblem("programme", null, "is required: the planId and itemId of "
                        + "the keeper's programme"));
            }
            ItemRef checkedProgramme = item("programme.planId", programme.planId(), "programme.itemId",
                    programme.itemId());
            List<String> sent = RequestFields.list("municipalities", municipalities, MOST_MUNICIPALITIES);
            List<MunicipalityCode> codes = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                MunicipalityCode code = RequestFields.municipalityCode("municipalities[" + i + "]", sent.get(i));
                if (codes.contains(code)) {
                    throw new InvalidRequest(new FieldProblem("municipalities[" + i + "]", sent.get(i),
                            "is listed twice"));
                }
                codes.add(code);
            }
            List<PartnerBodyRequest> bodies = RequestFields.list("partnerBodies", partnerBodies, MOST_BODIES);
            List<PartnerBody> checkedBodies = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                checkedBodies.add(bodies.get(i).toBody("partnerBodies[" + i + "]"));
            }
            return new RecordJointProject(keeper, projectId(projectId), checkedProgramme,
                    RequestFields.text("title", title, 200, true),
                    RequestFields.text("purpose", purpose, LONGEST_TEXT, false),
                    RequestFields.text("outline", outline, LONGEST_TEXT, false),
                    RequestFields.municipalityCode("leadMunicipality", leadMunicipality), List.copyOf(codes),
                    List.copyOf(checkedBodies), RequestFields.fiscalYear("fiscalYear", fiscalYear),
                    RequestFields.text("correctionReason", correctionReason, 2000, false));
        }
    }

    /** The body of {@code PUT /municipalities/{code}/joint-projects/{projectId}/subsidies/{fiscalYear}}. */
    @Schema(description = "The year's subsidy decision: the eligible cost the application states, and the grant")
    record SubsidyRequest(
            @Schema(description = "補助対象経費 the application states, in yen", example = "12000000")
            Long eligibleCostYen,
            @Schema(description = "The grant decided, in yen; leave out for the most the programme's terms allow",
                    example = "8000000") Long grantYen,
            @Schema(description = "Required to change the year's decision") @MultiLineText String correctionReason) {

        DecideSubsidy toCommand(MunicipalityCode keeper, String projectId, String fiscalYear) {
            if (eligibleCostYen == null || eligibleCostYen < 0 || eligibleCostYen > LARGEST_AMOUNT_YEN) {
                throw new InvalidRequest(new FieldProblem("eligibleCostYen", eligibleCostYen, "is required: yen "
                        + "from 0 to " + LARGEST_AMOUNT_YEN));
            }
            if (grantYen != null && (grantYen < 0 || grantYen > LARGEST_AMOUNT_YEN)) {
                throw new InvalidRequest(new FieldProblem("grantYen", grantYen, "is yen from 0 to "
                        + LARGEST_AMOUNT_YEN + ", or left out for the most the terms allow"));
            }
            return new DecideSubsidy(keeper, projectId(projectId), RequestFields.fiscalYear("fiscalYear", fiscalYear),
                    eligibleCostYen, grantYen, RequestFields.text("correctionReason", correctionReason, 2000, false));
        }
    }

    /** A figure the results give. */
    record FigureRequest(@Schema(example = "登録企業") String label, @Schema(example = "339") BigDecimal value,
            @Schema(example = "社") String unit) {

        ResultFigure toFigure(String field) {
            return new ResultFigure(RequestFields.text(field + ".label", label, 100, true),
                    RequestFields.decimal(field + ".value", value, BigDecimal.ZERO, LARGEST_FIGURE, 4, true),
                    RequestFields.text(field + ".unit", unit, 20, false));
        }
    }

    /**
     * The body of {@code PUT /municipalities/{code}/joint-projects/{projectId}/results/{fiscalYear}/{part}}.
     */
    @Schema(description = "A municipality's part of a project's results (実績) for a fiscal year")
    record ResultRequest(
            @Schema(description = "The results as written, line breaks kept", example = "登録企業339社")
            @MultiLineText String results,
            @Schema(description = "The figures the results give, where they give any") List<FigureRequest> figures,
            @Schema(description = "Required to change a report already made") @MultiLineText
            String correctionReason) {

        ReportProjectResult toCommand(MunicipalityCode keeper, String projectId, String fiscalYear, String part,
                FiscalYear current) {
            List<FigureRequest> sent = RequestFields.list("figures", figures, MOST_FIGURES);
            List<ResultFigure> checked = new ArrayList<>();
            for (int i = 0; i < sent.size(); i++) {
                checked.add(sent.get(i).toFigure("figures[" + i + "]"));
            }
            return new ReportProjectResult(keeper, projectId(projectId),
                    RequestFields.fiscalYear("fiscalYear", fiscalYear), RequestFields.municipalityCode("part", part),
                    RequestFields.text("results", results, LONGEST_TEXT, true), List.copyOf(checked),
                    RequestFields.text("correctionReason", correctionReason, 2000, false), current);
        }
    }
}
