package jp.shinko.command.municipality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.shinko.command.council.CouncilCommands.RecordCouncilMeeting;
import jp.shinko.command.council.CouncilCommands.RecordCouncilOpinion;
import jp.shinko.command.council.CouncilRuleViolated;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.council.CouncilDocument;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.CouncilMeetings;
import jp.shinko.events.council.CouncilOpinionRecorded;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.organisation.Organisation;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.organisation.OrganisationRegistered;
import jp.shinko.events.organisation.OrganisationRevised;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusLegendAdopted;
import jp.shinko.events.settings.SubsidyTermsAdopted;
import jp.shinko.events.subsidy.SubsidyTermsInForce;
import jp.shinko.infra.edge.ProblemType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality known to the system, identified by its code; the root of everything it records,
 * and the keeper of its own rules: its rating scheme, status legend and reason codes (the
 * published defaults until it adopts its own), and of its register of organisations, where a name
 * belongs to one organisation only.
 *
 * <p>Registration is idempotent per command id: the same request sent again (same
 * Idempotency-Key, same content) changes nothing and succeeds, so a client can safely retry.
 */
@Aggregate
class Municipality {

    @AggregateIdentifier
    private MunicipalityCode code;
    private String name;
    private String romanisedName;
    private String registeringCommandId;
    private RatingSchemeAdopted latestRatingScheme;
    private StatusLegend statusLegend = StatusLegend.DEFAULT;
    private ReasonCodes reasonCodes = ReasonCodes.DEFAULT;
    private ReportingDeadlines reportingDeadlines = ReportingDeadlines.DEFAULT;
    private OrganisationRegister organisations = OrganisationRegister.EMPTY;
    private CouncilMeetings council = CouncilMeetings.NONE;
    private SubsidyTermsInForce subsidyTerms = SubsidyTermsInForce.NONE;

    /** The earliest day a rename may take effect, as other dates of the records. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    Municipality() {
        // for Axon: state is rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterMunicipality command, @MetaDataValue(CommandMetadata.COMMAND_ID) String commandId) {
        if (code == null) {
            apply(new MunicipalityRegistered(command.code(), command.name(), command.romanisedName()));
            return;
        }
        if (!Objects.equals(registeringCommandId, commandId)) {
            throw new MunicipalityAlreadyRegistered(code, name);
        }
        if (!name.equals(command.name()) || !romanisedName.equals(command.romanisedName())) {
            throw new IdempotencyKeyReused(commandId);
        }
    }

    /** Answers whether anything changed: adopting the scheme already in force stores nothing. */
    @CommandHandler
    boolean handle(AdoptRatingScheme command) {
        RatingSchemeAdopted adopted = new RatingSchemeAdopted(code, command.fromFiscalYear(), command.scheme());
        if (adopted.equals(latestRatingScheme)) {
            return false;
        }
        apply(adopted);
        return true;
    }

    @CommandHandler
    boolean handle(AdoptStatusLegend command) {
        if (command.legend().equals(statusLegend)) {
            return false;
        }
        apply(new StatusLegendAdopted(code, command.legend()));
        return true;
    }

    @CommandHandler
    boolean handle(AdoptReasonCodes command) {
        if (command.reasonCodes().equals(reasonCodes)) {
            return false;
        }
        apply(new ReasonCodesAdopted(code, command.reasonCodes()));
        return true;
    }

    @CommandHandler
    boolean handle(AdoptReportingDeadlines command) {
        if (command.deadlines().equals(reportingDeadlines)) {
            return false;
        }
        apply(new ReportingDeadlinesAdopted(code, command.deadlines()));
        return true;
    }

    /**
     * Adopts a programme's subsidy terms from a fiscal year on; answers whether anything changed.
     * The programme is an item of one of the municipality's plans.
     */
    @CommandHandler
    boolean handle(AdoptSubsidyTerms command, MunicipalRules rules) {
        if (!rules.hasItem(code, command.programme())) {
            throw new SubsidyTermsRefused("programme: plan " + command.programme().planId() + " has no item "
                    + command.programme().itemId() + "; terms are adopted for a programme that is an item of a plan");
        }
        SubsidyTermsAdopted adopted = new SubsidyTermsAdopted(code, command.programme(), command.fromFiscalYear(),
                command.terms());
        if (subsidyTerms.latestFrom(command.programme(), command.fromFiscalYear()).filter(adopted::equals)
                .isPresent()) {
            return false;
        }
        apply(adopted);
        return true;
    }

    @EventSourcingHandler
    void on(SubsidyTermsAdopted event) {
        subsidyTerms = subsidyTerms.apply(event);
    }

    /** Terms for a programme the municipality's plans do not have. */
    static final class SubsidyTermsRefused extends RuleViolation {

        SubsidyTermsRefused(String message) {
            super(ProblemType.RULE_VIOLATED, message, Map.of("field", "programme"));
        }
    }

    /**
     * Registers the organisation, or revises it when its name, kind or aliases differ; answers
     * whether anything changed. No name or alias may be one another organisation is known by.
     */
    @CommandHandler
    boolean handle(RecordOrganisation command) {
        organisations.takenByAnother(command.organisationId(), List.of(command.name())).ifPresent(taken -> {
            throw OrganisationRuleViolated.nameTaken("name", taken);
        });
        organisations.takenByAnother(command.organisationId(), command.aliases()).ifPresent(taken -> {
            throw OrganisationRuleViolated.nameTaken("aliases", taken);
        });
        Optional<Organisation> registered = organisations.byId(command.organisationId());
        if (registered.isEmpty()) {
            apply(new OrganisationRegistered(code, command.organisationId(), command.name(), command.kind(),
                    command.aliases()));
            return true;
        }
        Organisation current = registered.get();
        if (current.name().equals(command.name()) && Objects.equals(current.kind(), command.kind())
                && current.aliases().equals(command.aliases())) {
            return false;
        }
        if (command.reason() == null) {
            throw OrganisationRuleViolated.reasonRequired(command.organisationId());
        }
        if (!current.name().equals(command.name())) {
            LocalDate earliest = current.formerNames().isEmpty() ? FIRST_DAY
                    : current.formerNames().get(current.formerNames().size() - 1).until().plusDays(2);
            if (command.effectiveOn().isBefore(earliest) || command.effectiveOn().isAfter(command.today())) {
                throw OrganisationRuleViolated.renamedOutsideItsTime(command.effectiveOn(), earliest, command.today());
            }
        }
        apply(new OrganisationRevised(code, command.organisationId(), command.name(), command.kind(),
                command.aliases(), command.effectiveOn(), command.reason()));
        return true;
    }

    /**
     * Records a council meeting, or corrects its record with a reason; answers whether anything
     * changed. Held within or after the year it reviews and not in the future; each document a
     * table of a plan the municipality had adopted by the instant it is pinned to, never a future one.
     */
    @CommandHandler
    boolean handle(RecordCouncilMeeting command, MunicipalRules rules) {
        LocalDate today = LocalDate.ofInstant(command.now(), TokyoTime.ZONE);
        if (command.heldOn().isBefore(command.fiscalYear().firstDay()) || command.heldOn().isAfter(today)) {
            throw CouncilRuleViolated.heldOutsideTheYear(command.fiscalYear(), command.heldOn(), today);
        }
        for (int i = 0; i < command.documents().size(); i++) {
            CouncilDocument document = command.documents().get(i);
            String field = "documents[" + i + "]";
            if (document.pinnedAt().isAfter(command.now())) {
                throw CouncilRuleViolated.pinnedInTheFuture(field + ".pinnedAt", document.pinnedAt(), command.now());
            }
            MunicipalRules.PlanFacts plan = rules.planOf(code, document.planId())
                    .orElseThrow(() -> CouncilRuleViolated.noSuchPlan(field + ".planId", document.planId()));
            if (plan.adoptedAt().isAfter(document.pinnedAt())) {
                throw CouncilRuleViolated.pinnedBeforeThePlan(field + ".pinnedAt", document.pinnedAt(),
                        plan.adoptedAt());
            }
            FiscalYear year = document.fiscalYear();
            if (year != null && (year.isAfter(plan.toFiscalYear()) || plan.fromFiscalYear().isAfter(year))) {
                throw CouncilRuleViolated.outsideThePlan(field + ".fiscalYear", year, plan.fromFiscalYear(),
                        plan.toFiscalYear());
            }
        }
        CouncilMeetingRecorded recorded = new CouncilMeetingRecorded(code, command.meetingId(), command.fiscalYear(),
                command.council(), command.heldOn(), command.title(), command.documents(), null);
        Optional<CouncilMeetings.Meeting> existing = council.byId(command.meetingId());
        if (existing.isEmpty()) {
            apply(recorded);
            return true;
        }
        CouncilMeetingRecorded current = existing.get().meeting();
        if (recorded.equals(new CouncilMeetingRecorded(code, current.meetingId(), current.fiscalYear(),
                current.council(), current.heldOn(), current.title(), current.documents(), null))) {
            return false;
        }
        if (command.correctionReason() == null) {
            throw CouncilRuleViolated.correctionReasonRequired("meeting " + command.meetingId());
        }
        if (!current.fiscalYear().equals(command.fiscalYear()) || !current.heldOn().equals(command.heldOn())) {
            List<FiscalYearClosed> closures = rules.closuresCiting(code, command.meetingId());
            if (!closures.isEmpty()) {
                throw CouncilRuleViolated.citedByAClosedYear(
                        current.fiscalYear().equals(command.fiscalYear()) ? "heldOn" : "fiscalYear",
                        command.meetingId(), closures.get(0).planId(), closures.get(0).fiscalYear());
            }
        }
        apply(new CouncilMeetingRecorded(code, command.meetingId(), command.fiscalYear(), command.council(),
                command.heldOn(), command.title(), command.documents(), command.correctionReason()));
        return true;
    }

    /**
     * Records an opinion of a recorded meeting; its first response needs no reason, any other
     * change to what is recorded does. Answers whether anything changed.
     */
    @CommandHandler
    boolean handle(RecordCouncilOpinion command) {
        CouncilMeetings.Meeting meeting = council.byId(command.meetingId())
                .orElseThrow(() -> CouncilRuleViolated.noSuchMeeting("meetingId", command.meetingId()));
        Optional<CouncilOpinionRecorded> current = meeting.opinion(command.opinionId());
        String reason = null;
        if (current.isPresent()) {
            CouncilOpinionRecorded was = current.get();
            boolean sameOpinion = was.opinion().equals(command.opinion());
            if (sameOpinion && Objects.equals(was.response(), command.response())) {
                return false;
            }
            boolean firstResponse = sameOpinion && was.response() == null;
            if (!firstResponse) {
                if (command.correctionReason() == null) {
                    throw CouncilRuleViolated.correctionReasonRequired("opinion " + command.opinionId());
                }
                reason = command.correctionReason();
            }
        }
        apply(new CouncilOpinionRecorded(code, command.meetingId(), command.opinionId(), command.opinion(),
                command.response(), reason));
        return true;
    }

    @EventSourcingHandler
    void on(CouncilMeetingRecorded event) {
        council = council.apply(event);
    }

    @EventSourcingHandler
    void on(CouncilOpinionRecorded event) {
        council = council.apply(event);
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisations = organisations.apply(event);
    }

    @EventSourcingHandler
    void on(OrganisationRevised event) {
        organisations = organisations.apply(event);
    }

    @EventSourcingHandler
    void on(RatingSchemeAdopted event) {
        latestRatingScheme = event;
    }

    @EventSourcingHandler
    void on(StatusLegendAdopted event) {
        statusLegend = event.legend();
    }

    @EventSourcingHandler
    void on(ReasonCodesAdopted event) {
        reasonCodes = event.reasonCodes();
    }

    @EventSourcingHandler
    void on(ReportingDeadlinesAdopted event) {
        reportingDeadlines = event.deadlines();
    }

    @EventSourcingHandler
    void on(MunicipalityRegistered event, @MetaDataValue(CommandMetadata.COMMAND_ID) String commandId) {
        code = event.municipalityCode();
        name = event.name();
        romanisedName = event.romanisedName();
        registeringCommandId = commandId;
    }
}
