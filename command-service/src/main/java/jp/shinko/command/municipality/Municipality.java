package jp.shinko.command.municipality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReasonCodesAdopted;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusLegendAdopted;
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
 * published defaults until it adopts its own).
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
