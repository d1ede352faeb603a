package jp.shinko.command.messaging;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;

/**
 * The command id of the request being answered, carried onto its command like the actor is:
 * the client's {@code Idempotency-Key} when one is sent, a fresh UUID otherwise, worked out once
 * per request. Controllers neither read the header nor pass the id along; they name it in their
 * answer ({@link #ofThisRequest()}), and every command dispatched while answering the request
 * carries it in its metadata, from where it reaches every event the command causes.
 */
public final class CommandIds implements MessageDispatchInterceptor<CommandMessage<?>>, OperationCustomizer {

    private static final String ATTRIBUTE = CommandIds.class.getName();

    /**
     * The command id of the request this thread is answering.
     *
     * @throws jp.shinko.infra.edge.InvalidRequest naming the header when the key is not 1 to 128 visible characters
     * @throws IllegalStateException outside a request
     */
    public static String ofThisRequest() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        String commandId = (String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (commandId == null) {
            commandId = CommandMetadata.commandId(((ServletRequestAttributes) request).getRequest()
                    .getHeader(CommandMetadata.IDEMPOTENCY_KEY_HEADER));
            request.setAttribute(ATTRIBUTE, commandId, RequestAttributes.SCOPE_REQUEST);
        }
        return commandId;
    }

    /** Gives a command sent while answering a request its command id, unless it already has one. */
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> commands) {
        return (index, command) -> command.getMetaData().containsKey(CommandMetadata.COMMAND_ID)
                || RequestContextHolder.getRequestAttributes() == null ? command
                : command.andMetaData(Map.of(CommandMetadata.COMMAND_ID, ofThisRequest()));
    }

    /** Describes the header on every command endpoint of the OpenAPI description. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)) {
            operation.addParametersItem(new Parameter().in("header").name(CommandMetadata.IDEMPOTENCY_KEY_HEADER)
                    .required(false).schema(new StringSchema().pattern(CommandMetadata.KEY_PATTERN))
                    .description("Makes retries safe: 1-128 visible ASCII characters without commas, e.g. a UUID. "
                            + "The same key with the same body answers again without recording anything twice"));
        }
        return operation;
    }
}
