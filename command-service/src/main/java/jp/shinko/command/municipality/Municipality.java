package jp.shinko.command.municipality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality known to the system, identified by its code; the root of everything it records.
 *
 * <p>Registration is idempotent per command id: the same request sent again (same
 * Idempotency-Key, same content) changes nothing and succeeds, so a client can safely retry.
 */
@Aggregate(cache = "aggregateCache")
class Municipality {

    @AggregateIdentifier
    private MunicipalityCode code;
    private String name;
    private String romanisedName;
    private String registeringCommandId;

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

    @EventSourcingHandler
    void on(MunicipalityRegistered event, @MetaDataValue(CommandMetadata.COMMAND_ID) String commandId) {
        code = event.municipalityCode();
        name = event.name();
        romanisedName = event.romanisedName();
        registeringCommandId = commandId;
    }
}
