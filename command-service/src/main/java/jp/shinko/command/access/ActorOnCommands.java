package jp.shinko.command.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import jp.shinko.infra.security.ActorMetaData;
import jp.shinko.infra.security.CurrentActor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Writes the verified caller of the current request into every command's metadata, replacing
 * whatever claimed to name an actor before, so that only the token decides who acted; the
 * correlation data providers then copy it onto every event the command causes.
 */
final class ActorOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> commands) {
        return (index, command) -> {
            Map<String, Object> metaData = new HashMap<>(command.getMetaData());
            ActorMetaData.KEYS.forEach(metaData::remove);
            CurrentActor.get().ifPresent(actor -> metaData.putAll(ActorMetaData.of(actor)));
            return command.withMetaData(metaData);
        };
    }
}
