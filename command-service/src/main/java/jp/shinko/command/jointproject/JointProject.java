package jp.shinko.command.jointproject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import jp.shinko.command.jointproject.JointProjectCommands.DecideSubsidy;
import jp.shinko.command.jointproject.JointProjectCommands.RecordJointProject;
import jp.shinko.command.jointproject.JointProjectCommands.ReportProjectResult;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.JointProjects;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.jointproject.ProjectResultReported;
import jp.shinko.events.jointproject.SubsidyDecided;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.subsidy.SubsidyGrant;
import jp.shinko.events.subsidy.SubsidyLimit;
import jp.shinko.events.subsidy.SubsidyTerms;
import jp.shinko.infra.security.AccessRefused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A joint project of several municipalities (seed 003, 多様な主体との連携活動促進支援事業), kept by
 * the prefecture that adopts it: the keeper records and corrects the project and decides each
 * year's subsidy within its programme's terms; each municipality taking part reports its own part
 * of the year's results, the lead city's part being the project's.
 *
 * <p>Its own record, beside the keeper's plans, so that the cities' reports and the keeper's
 * decisions on one project never wait for each other's records; stored and chained with the
 * keeper's events.
 */
@Aggregate
class JointProject {

    @AggregateIdentifier
    private String recordId;
    private JointProjects.Project project;

    JointProject() {
        // for Axon: state is rebuilt from events
    }

    /** The record's identifier: the keeper's code first, as for every record. */
    static String recordId(MunicipalityCode keeper, ProjectId projectId) {
        return keeper.value() + ":project:" + projectId;
    }

    /**
     * Adopts the project, or corrects its record with a reason; answers whether anything changed.
     * Two or more registered municipalities, the lead among them; the programme an item of the
     * keeper's plan; the year of adoption fixed once a subsidy is decided.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RecordJointProject command, MunicipalRules rules) {
        if (!command.keeper().isPrefecture()) {
            throw JointProjectRuleViolated.keptByAPrefecture(command.keeper());
        }
        List<MunicipalityCode> municipalities = List.copyOf(new LinkedHashSet<>(command.municipalities()));
        if (municipalities.size() < 2) {
            throw JointProjectRuleViolated.tooFewMunicipalities(municipalities);
        }
        if (!municipalities.contains(command.leadMunicipality())) {
            throw JointProjectRuleViolated.leadNotAmongThem(command.leadMunicipality());
        }
        for (int i = 0; i < municipalities.size(); i++) {
            MunicipalityCode municipality = municipalities.get(i);
            if (municipality.isPrefecture()) {
                throw JointProjectRuleViolated.notACity("municipalities[" + i + "]", municipality);
            }
            if (!rules.isRegistered(municipality)) {
                throw JointProjectRuleViolated.participantNotRegistered("municipalities[" + i + "]", municipality);
            }
        }
        if (!rules.hasItem(command.keeper(), command.programme())) {
            throw JointProjectRuleViolated.noSuchProgramme(command.programme());
        }
        List<MunicipalityCode> partners = municipalities.stream()
                .filter(municipality -> !municipality.equals(command.leadMunicipality())).toList();
        JointProjectRecorded recorded = new JointProjectRecorded(command.keeper(), command.projectId(),
                command.programme(), command.title(), command.purpose(), command.outline(),
                command.leadMunicipality(), partners, command.partnerBodies(), command.fiscalYear(), null);
        if (project == null) {
            apply(recorded);
            return true;
        }
        if (recorded.equals(project.project().withoutReason())) {
            return false;
        }
        if (command.correctionReason() == null) {
            throw JointProjectRuleViolated.correctionReasonRequired("project " + command.projectId());
        }
        FiscalYear adopted = project.project().fiscalYear();
        if (!adopted.equals(command.fiscalYear()) && !project.subsidies().isEmpty()) {
            throw JointProjectRuleViolated.adoptionYearFixed(adopted, project.subsidies().get(0).fiscalYear());
        }
        apply(new JointProjectRecorded(command.keeper(), command.projectId(), command.programme(), command.title(),
                command.purpose(), command.outline(), command.leadMunicipality(), partners, command.partnerBodies(),
                command.fiscalYear(), command.correctionReason()));
        return true;
    }

    /**
     * Decides the year's subsidy under the terms of the programme in force in the year the project
     * was adopted ({@link SubsidyTerms#grantable}); without an amount, the most they allow. Answers
     * whether anything changed; a change to a decision needs a reason.
     */
    @CommandHandler
    boolean handle(DecideSubsidy command, MunicipalRules rules) {
        JointProjectRecorded recorded = project.project();
        FiscalYear adopted = recorded.fiscalYear();
        if (command.fiscalYear().compareTo(adopted) < 0) {
            throw JointProjectRuleViolated.beforeAdoption("fiscalYear", command.fiscalYear(), adopted);
        }
        SubsidyTerms terms = rules.subsidyTermsOf(recorded.municipalityCode()).of(recorded.programme(), adopted)
                .orElseThrow(() -> JointProjectRuleViolated.noTerms(recorded.programme(), adopted));
        int projectYear = command.fiscalYear().value() - adopted.value() + 1;
        SubsidyGrant allowed = terms.grantable(projectYear, command.eligibleCostYen(),
                project.grantedOutside(command.fiscalYear()));
        if (allowed.limit() == SubsidyLimit.PERIOD) {
            throw JointProjectRuleViolated.pastThePeriod(command.fiscalYear(), projectYear, terms);
        }
        long grant = command.grantYen() == null ? allowed.amountYen() : command.grantYen();
        if (!allowed.allows(grant)) {
            throw JointProjectRuleViolated.overTheLimit(grant, allowed, projectYear);
        }
        Optional<SubsidyDecided> earlier = project.subsidy(command.fiscalYear());
        if (earlier.isPresent()) {
            if (earlier.get().eligibleCostYen() == command.eligibleCostYen() && earlier.get().grantYen() == grant) {
                return false;
            }
            if (command.correctionReason() == null) {
                throw JointProjectRuleViolated.correctionReasonRequired("the subsidy of " + command.fiscalYear());
            }
        }
        apply(new SubsidyDecided(recorded.municipalityCode(), recorded.projectId(), command.fiscalYear(), projectYear,
                command.eligibleCostYen(), grant, recorded.participants(),
                earlier.isPresent() ? command.correctionReason() : null));
        return true;
    }

    /**
     * Records a municipality's part of a year's results; only a municipality taking part has one.
     * Answers whether anything changed; a change to a report needs a reason.
     */
    @CommandHandler
    boolean handle(ReportProjectResult command) {
        JointProjectRecorded recorded = project.project();
        if (!project.takesPart(command.part())) {
            throw new AccessRefused("municipality " + command.part() + " takes no part in joint project "
                    + recorded.projectId() + " (" + recorded.participants().stream().map(MunicipalityCode::value)
                    .toList() + "), so it has no part to report");
        }
        if (command.fiscalYear().compareTo(recorded.fiscalYear()) < 0) {
            throw JointProjectRuleViolated.beforeAdoption("fiscalYear", command.fiscalYear(), recorded.fiscalYear());
        }
        if (command.fiscalYear().isAfter(command.currentFiscalYear())) {
            throw JointProjectRuleViolated.resultsOfAFutureYear(command.fiscalYear(), command.currentFiscalYear());
        }
        Optional<ProjectResultReported> earlier = project.result(command.fiscalYear(), command.part());
        if (earlier.isPresent()) {
            if (earlier.get().results().equals(command.results())
                    && earlier.get().figures().equals(command.figures())) {
                return false;
            }
            if (command.correctionReason() == null) {
                throw JointProjectRuleViolated.correctionReasonRequired("the results of " + command.part() + " for "
                        + command.fiscalYear());
            }
        }
        apply(new ProjectResultReported(recorded.municipalityCode(), recorded.projectId(), command.fiscalYear(),
                command.part(), command.results(), command.figures(), recorded.participants(),
                earlier.isPresent() ? command.correctionReason() : null));
        return true;
    }

    @EventSourcingHandler
    void on(JointProjectRecorded event) {
        recordId = recordId(event.municipalityCode(), event.projectId());
        project = project == null ? JointProjects.Project.of(event) : project.apply(event);
    }

    @EventSourcingHandler
    void on(SubsidyDecided event) {
        project = project.apply(event);
    }

    @EventSourcingHandler
    void on(ProjectResultReported event) {
        project = project.apply(event);
    }
}
