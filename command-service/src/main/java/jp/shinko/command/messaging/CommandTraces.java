package jp.shinko.command.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Carries the trace of the request into its command and from there into every event it causes:
 * the W3C {@code traceparent} of the current span goes into the command's metadata (and by
 * correlation into its events' metadata), where the Kafka relay finds it, long after the request
 * was answered, to publish each event as part of the same trace. Handling a command is a span of
 * its own, named after the command.
 */
final class CommandTraces implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private final Tracer tracer;
    private final Propagator propagator;

    CommandTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Gives a command sent while a span is current that span's {@code traceparent}. */
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> commands) {
        return (index, command) -> {
            Span current = tracer.currentSpan();
            if (current == null || command.getMetaData().containsKey(CommandMetadata.TRACEPARENT)) {
                return command;
            }
            Map<String, String> headers = new HashMap<>();
            propagator.inject(current.context(), headers, Map::put);
            String traceparent = headers.get(CommandMetadata.TRACEPARENT);
            return traceparent == null ? command
                    : command.andMetaData(Map.of(CommandMetadata.TRACEPARENT, traceparent));
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
            InterceptorChain interceptorChain) throws Exception {
        String command = unitOfWork.getMessage().getCommandName();
        Span span = tracer.nextSpan().name("command " + command.substring(command.lastIndexOf('.') + 1)).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return interceptorChain.proceed();
        } catch (Exception e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
