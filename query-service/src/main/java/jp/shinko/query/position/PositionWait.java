package jp.shinko.query.position;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import jp.shinko.events.InvalidField;
import jp.shinko.infra.edge.CallerWaits;
import jp.shinko.infra.edge.ProblemType;
import jp.shinko.infra.eventstore.ReadYourWrites;
import jp.shinko.infra.security.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes: a query with {@value ReadYourWrites#WAIT_PARAMETER} (the position a command
 * answered) is held, for at most {@code shinko.read-your-writes.max-wait} (5 s), until every
 * projection has processed that event; {@value ReadYourWrites#REACHED_HEADER} says whether it
 * did in time. Either way the query is then answered.
 *
 * <p>A waiting query holds no request thread: it is suspended (servlet async) and resumed by
 * {@link PositionWaiters}, so waiting queries never keep others, or the health check, from being
 * answered. One caller may have {@code shinko.http.waits-per-caller} waits at once; beyond that a
 * query is refused with {@code 429} and {@code Retry-After}. Positions are read from the token
 * table, so every instance answers the same whichever one processed the event.
 */
@Component
class PositionWait extends OncePerRequestFilter implements HandlerInterceptor, WebMvcConfigurer {

    private final PositionWaiters waiters;
    private final CallerWaits callerWaits;
    private final Duration maxWait;

    PositionWait(PositionWaiters waiters, CallerWaits callerWaits,
            @Value("${shinko.read-your-writes.max-wait:5s}") Duration maxWait) {
        this.waiters = waiters;
        this.callerWaits = callerWaits;
        this.maxWait = maxWait;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Long> wanted = validPosition(request.getParameter(ReadYourWrites.WAIT_PARAMETER));
        if (wanted.isEmpty() || !"GET".equals(request.getMethod()) || CurrentActor.get().isEmpty()) {
            chain.doFilter(request, response); // an invalid position is refused by the interceptor below
            return;
        }
        if (waiters.reached(wanted.get())) {
            response.setHeader(ReadYourWrites.REACHED_HEADER, "true");
            chain.doFilter(request, response);
            return;
        }
        String caller = CurrentActor.get().get().subject();
        Optional<CallerWaits.Wait> place = callerWaits.begin(caller);
        if (place.isEmpty()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemType.TOO_MANY_WAITS.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), caller + " already has "
                    + callerWaits.perCaller() + " queries waiting for " + ReadYourWrites.WAIT_PARAMETER
                    + "; send this one when one of them is answered", request.getRequestURI());
            return;
        }
        AsyncContext suspended = request.startAsync(request, response);
        suspended.setTimeout(maxWait.plusSeconds(30).toMillis()); // the waiters answer first
        waiters.await(new PositionWaiters.Waiter(wanted.get(), System.nanoTime() + maxWait.toNanos(), reached -> {
            place.get().close();
            response.setHeader(ReadYourWrites.REACHED_HEADER, String.valueOf(reached));
            suspended.dispatch();
        }));
    }

    /** Resumed queries run through the filters again; this one has done its part. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** Refuses a position that is not one, naming the parameter. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String wanted = request.getParameter(ReadYourWrites.WAIT_PARAMETER);
        if (wanted != null && validPosition(wanted).isEmpty()) {
            throw new InvalidField(ReadYourWrites.WAIT_PARAMETER, wanted, "the position a command answered in "
                    + ReadYourWrites.POSITION_HEADER + ": a whole number from 1");
        }
        return true;
    }

    private static Optional<Long> validPosition(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            long position = Long.parseLong(text.strip());
            return position >= 1 ? Optional.of(position) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
