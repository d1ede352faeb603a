package jp.shinko.command.messaging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.shinko.infra.edge.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per command request, and the command id in the logging context (MDC) of every
 * line written while it is answered, beside the subject, role and municipality the platform puts
 * there: an operator finds everything about one command by its id, the one its events and
 * envelopes carry. Reads are not logged here (their count and latency are metrics).
 */
final class CommandRequestLog extends OncePerRequestFilter {

    /** MDC key of the command id ({@link CommandIds}). */
    static final String COMMAND_ID = "commandId";

    private static final Logger LOG = LoggerFactory.getLogger(CommandRequestLog.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String commandId = null;
        try {
            commandId = CommandIds.ofThisRequest();
        } catch (InvalidRequest invalidKey) {
            // the controller answers 400 naming the header; the line is written without an id
        }
        try (MDC.MDCCloseable context = commandId == null ? null : MDC.putCloseable(COMMAND_ID, commandId)) {
            chain.doFilter(request, response);
            LOG.info("{} {} answered {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
