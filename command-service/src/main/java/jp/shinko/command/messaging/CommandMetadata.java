package jp.shinko.command.messaging;

import java.util.Map;
import java.util.UUID;
import jp.shinko.infra.edge.FieldProblem;
import jp.shinko.infra.edge.InvalidRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * The metadata every command carries into the events it causes.
 *
 * <p>The command id is the client's {@code Idempotency-Key} when one is sent, so a retried
 * request can be recognised; otherwise a fresh UUID.
 */
public final class CommandMetadata {

    /** Metadata key of the command id, copied onto every event the command causes. */
    public static final String COMMAND_ID = "commandId";

    /**
     * Metadata key of the W3C trace context of the request that sent the command, copied onto
     * every event it causes (see {@link CommandTraces}).
     */
    public static final String TRACEPARENT = "traceparent";

    /** The HTTP header clients send to make a command safe to retry. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    /** 1 to 128 visible ASCII characters, no comma (two headers are joined by one). */
    public static final String KEY_PATTERN = "[\\x21-\\x2B\\x2D-\\x7E]{1,128}";

    private CommandMetadata() {
    }

    /** The command id for a request: its Idempotency-Key if valid, a new UUID if none was sent. */
    public static String commandId(String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (!idempotencyKey.matches(KEY_PATTERN)) {
            throw new InvalidRequest(new FieldProblem(IDEMPOTENCY_KEY_HEADER, idempotencyKey,
                    "must be 1 to 128 visible ASCII characters without spaces or commas, sent once, e.g. a UUID"));
        }
        return idempotencyKey;
    }

    /** The command as a message carrying its command id. */
    public static CommandMessage<?> withCommandId(Object command, String commandId) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(COMMAND_ID, commandId));
    }
}
