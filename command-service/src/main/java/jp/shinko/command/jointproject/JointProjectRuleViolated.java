package jp.shinko.command.jointproject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.subsidy.SubsidyGrant;
import jp.shinko.events.subsidy.SubsidyTerms;
import jp.shinko.infra.edge.ProblemType;

/** A joint project's command that breaks one of its rules; nothing is stored. */
public final class JointProjectRuleViolated extends RuleViolation {

    private JointProjectRuleViolated(ProblemType type, String message, Map<String, Object> values) {
        super(type, message, values);
    }

    private JointProjectRuleViolated(String message, Map<String, Object> values) {
        this(ProblemType.RULE_VIOLATED, message, values);
    }

    static JointProjectRuleViolated notRegistered(MunicipalityCode keeper) {
        return new JointProjectRuleViolated(ProblemType.NOT_FOUND, "municipality " + keeper + " is not registered; "
                + "an admin registers it (POST /municipalities) before it adopts a joint project",
                Map.of("municipalityCode", keeper.value()));
    }

    static JointProjectRuleViolated keptByAPrefecture(MunicipalityCode keeper) {
        return new JointProjectRuleViolated("code: " + keeper + " is a city's code; a joint project of several "
                + "municipalities is kept by the prefecture that adopts it, such as 東京都 ("
                + MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT + ")", Map.of("field", "code",
                        "municipalityCode", keeper.value()));
    }

    static JointProjectRuleViolated tooFewMunicipalities(List<MunicipalityCode> municipalities) {
        return new JointProjectRuleViolated("municipalities: a joint project is run by at least 2 municipalities "
                + "together (多摩地域の2つ以上の市町村が連携); " + municipalities.size() + " named",
                Map.of("field", "municipalities", "minimum", 2, "named", municipalities.size()));
    }

    static JointProjectRuleViolated leadNotAmongThem(MunicipalityCode lead) {
        return new JointProjectRuleViolated("leadMunicipality: " + lead + " is not among the project's "
                + "municipalities; the lead city (代表市) is one of them", Map.of("field", "leadMunicipality",
                        "leadMunicipality", lead.value()));
    }

    static JointProjectRuleViolated notACity(String field, MunicipalityCode code) {
        return new JointProjectRuleViolated(field + ": " + code + " is a prefecture; a joint project is run by "
                + "municipalities", Map.of("field", field, "municipalityCode", code.value()));
    }

    static JointProjectRuleViolated participantNotRegistered(String field, MunicipalityCode code) {
        return new JointProjectRuleViolated(field + ": municipality " + code + " is not registered; an admin "
                + "registers it (POST /municipalities) before it takes part in a project",
                Map.of("field", field, "municipalityCode", code.value()));
    }

    static JointProjectRuleViolated noSuchProgramme(ItemRef programme) {
        return new JointProjectRuleViolated("programme: the keeper's plan " + programme.planId() + " has no item "
                + programme.itemId() + "; a project belongs to a programme that is an item of the keeper's plan",
                Map.of("field", "programme", "planId", programme.planId().value(),
                        "itemId", programme.itemId().value()));
    }

    static JointProjectRuleViolated correctionReasonRequired(String what) {
        return new JointProjectRuleViolated("correctionReason: " + what + " is recorded already; say why it is "
                + "corrected", Map.of("field", "correctionReason"));
    }

    static JointProjectRuleViolated adoptionYearFixed(FiscalYear adopted, FiscalYear firstSubsidy) {
        return new JointProjectRuleViolated("fiscalYear: the project was adopted in " + adopted + " and its subsidy "
                + "is decided from " + firstSubsidy + " by its years of subsidy; the year of adoption stays",
                Map.of("field", "fiscalYear", "fiscalYear", adopted.value()));
    }

    static JointProjectRuleViolated noTerms(ItemRef programme, FiscalYear adopted) {
        return new JointProjectRuleViolated("fiscalYear: the programme " + programme + " has no subsidy terms for "
                + "projects adopted in " + adopted + "; its keeper adopts them first",
                Map.of("field", "fiscalYear", "programme", programme.toString(), "adoptedFiscalYear", adopted.value()));
    }

    static JointProjectRuleViolated beforeAdoption(String field, FiscalYear year, FiscalYear adopted) {
        return new JointProjectRuleViolated(field + ": " + year + " is before the project was adopted (" + adopted
                + ")", Map.of("field", field, "fiscalYear", year.value(), "adoptedFiscalYear", adopted.value()));
    }

    static JointProjectRuleViolated pastThePeriod(FiscalYear year, int projectYear, SubsidyTerms terms) {
        return new JointProjectRuleViolated("fiscalYear: " + year + " would be year " + projectYear + " of the "
                + "project's subsidy; the programme subsidises a project for at most " + terms.maxYears()
                + " years (補助期間), so nothing may be granted", Map.of("field", "fiscalYear", "limit", "PERIOD",
                        "limitJapanese", "補助期間", "maxYears", terms.maxYears(), "projectYear", projectYear,
                        "allowedYen", 0));
    }

    static JointProjectRuleViolated overTheLimit(long requested, SubsidyGrant allowed, int projectYear) {
        Map<String, Object> values = new HashMap<>();
        values.put("field", "grantYen");
        values.put("limit", allowed.limit().name());
        values.put("limitJapanese", allowed.limit().japanese());
        values.put("allowedYen", allowed.amountYen());
        values.put("requestedYen", requested);
        values.put("projectYear", projectYear);
        return new JointProjectRuleViolated("grantYen: ¥" + requested + " is over the " + allowed.limit().japanese()
                + " (" + allowed.limit() + "); at most ¥" + allowed.amountYen() + " may be granted in year "
                + projectYear + " of the project", values);
    }

    static JointProjectRuleViolated resultsOfAFutureYear(FiscalYear year, FiscalYear current) {
        return new JointProjectRuleViolated("fiscalYear: " + year + " has not begun (the current fiscal year is "
                + current + "); results are reported for a year that has", Map.of("field", "fiscalYear",
                        "fiscalYear", year.value(), "currentFiscalYear", current.value()));
    }

    static JointProjectRuleViolated noSuchProject(MunicipalityCode keeper, ProjectId projectId) {
        return new JointProjectRuleViolated(ProblemType.NOT_FOUND, "municipality " + keeper + " keeps no joint "
                + "project " + projectId, Map.of("municipalityCode", keeper.value(), "projectId", projectId.value()));
    }
}
