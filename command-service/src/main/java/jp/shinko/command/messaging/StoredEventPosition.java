package jp.shinko.command.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import jp.shinko.infra.eventstore.ReadYourWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Answers every successful command that stored events with the position of the last of them
 * ({@value ReadYourWrites#POSITION_HEADER}), so the clerk's next query can wait for it.
 *
 * <p>Commands run on the request's thread, so the ids of the events a request publishes are
 * noted in the request; once the command has committed and its answer is written, their global
 * indexes are read back. Events of a command that failed were rolled back and are not found.
 */
@RestControllerAdvice
class StoredEventPosition implements ResponseBodyAdvice<Object>, MessageDispatchInterceptor<EventMessage<?>> {

    private static final String PUBLISHED = StoredEventPosition.class.getName() + ".published";

    private final JdbcClient jdbc;

    StoredEventPosition(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            List<String> published = published(request);
            messages.forEach(message -> published.add(message.getIdentifier()));
        }
        return (index, message) -> message;
    }

    @SuppressWarnings("unchecked")
    private static List<String> published(RequestAttributes request) {
        Object published = request.getAttribute(PUBLISHED, RequestAttributes.SCOPE_REQUEST);
        if (published == null) {
            published = new ArrayList<String>();
            request.setAttribute(PUBLISHED, published, RequestAttributes.SCOPE_REQUEST);
        }
        return (List<String>) published;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse
                && servletResponse.getServletResponse().getStatus() < 300
                && servletRequest.getServletRequest().getAttribute(PUBLISHED) instanceof List<?> published
                && !published.isEmpty()) {
            jdbc.sql("select max(global_index) from " + EventStoreSchemaMigration.SCHEMA
                            + ".domain_event_entry where event_identifier in (:ids)")
                    .param("ids", published)
                    .query(Long.class).list().stream()
                    .filter(Objects::nonNull)
                    .findFirst()
                    .ifPresent(position -> response.getHeaders().set(ReadYourWrites.POSITION_HEADER,
                            position.toString()));
        }
        return body;
    }
}
