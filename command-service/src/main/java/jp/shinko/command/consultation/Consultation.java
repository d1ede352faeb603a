package jp.shinko.command.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import jp.shinko.command.consultation.ConsultationCommands.AnswerConsultation;
import jp.shinko.command.consultation.ConsultationCommands.OpenConsultation;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.consultation.CaseId;
import jp.shinko.events.consultation.ConsultationAnswered;
import jp.shinko.events.consultation.ConsultationOpened;
import jp.shinko.events.consultation.Consultations;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A consultation case of the Metropolitan Government's single desk (seed 003, まちづくり推進
 * コンシェルジュ): the question a municipality brings, or the desk records for it, and the desk's
 * answer. Kept by the desk's government; the municipality it is for reads it and may open or
 * correct its question, and only the desk moves a case to another municipality or answers it.
 */
@Aggregate
class Consultation {

    @AggregateIdentifier
    private String recordId;
    private Consultations.Case current;

    Consultation() {
        // for Axon: state is rebuilt from events
    }

    /** The record's identifier: the keeper's code first, as for every record. */
    static String recordId(MunicipalityCode keeper, CaseId caseId) {
        return keeper.value() + ":consultation:" + caseId;
    }

    /** Opens the case, or corrects its record with a reason; answers whether anything changed. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(OpenConsultation command, MunicipalRules rules, MetaData metaData) {
        if (!command.keeper().isPrefecture()) {
            throw ConsultationRuleViolated.keptByAPrefecture(command.keeper());
        }
        MunicipalityCode municipality = command.municipality();
        if (municipality != null && (municipality.isPrefecture() || !rules.isRegistered(municipality))) {
            throw ConsultationRuleViolated.municipalityNotACity(municipality, rules.isRegistered(municipality));
        }
        if (command.openedOn() != null && command.openedOn().isAfter(command.today())) {
            throw ConsultationRuleViolated.openedInTheFuture(command.openedOn(), command.today());
        }
        ConsultationOpened opened = new ConsultationOpened(command.keeper(), command.caseId(), municipality,
                command.question(), command.openedOn(), null);
        if (current == null) {
            apply(opened);
            return true;
        }
        ConsultationOpened was = current.opened();
        if (opened.equals(was.withoutReason())) {
            return false;
        }
        Actor actor = ActorMetaData.from(metaData).orElseThrow(() -> new AccessRefused("a case is changed by a "
                + "person"));
        if (!Objects.equals(was.municipality(), municipality) && !actor.mayWrite(command.keeper())) {
            throw new AccessRefused(actor.describe() + " may not move case " + command.caseId() + " of "
                    + (was.municipality() == null ? "no municipality" : "municipality " + was.municipality())
                    + "; only the desk's editors may");
        }
        if (command.correctionReason() == null) {
            throw ConsultationRuleViolated.correctionReasonRequired("case " + command.caseId());
        }
        apply(new ConsultationOpened(command.keeper(), command.caseId(), municipality, command.question(),
                command.openedOn(), command.correctionReason()));
        return true;
    }

    /** Answers the case, or corrects the answer with a reason; answers whether anything changed. */
    @CommandHandler
    boolean handle(AnswerConsultation command) {
        ConsultationAnswered answered = new ConsultationAnswered(command.keeper(), command.caseId(),
                command.kindOfHelp(), command.answer(), command.outcome(), current.opened().participants(), null);
        ConsultationAnswered was = current.answer();
        if (was != null && answered.equals(was.withoutReason())) {
            return false;
        }
        if (was != null && command.correctionReason() == null) {
            throw ConsultationRuleViolated.correctionReasonRequired("the answer to case " + command.caseId());
        }
        apply(was == null ? answered : new ConsultationAnswered(command.keeper(), command.caseId(),
                command.kindOfHelp(), command.answer(), command.outcome(), current.opened().participants(),
                command.correctionReason()));
        return true;
    }

    @EventSourcingHandler
    void on(ConsultationOpened event) {
        recordId = recordId(event.municipalityCode(), event.caseId());
        current = current == null ? new Consultations.Case(event, null) : current.apply(event);
    }

    @EventSourcingHandler
    void on(ConsultationAnswered event) {
        current = current.apply(event);
    }
}
