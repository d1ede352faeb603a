package jp.shinko.query.position;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import jp.shinko.events.InvalidField;
import jp.shinko.infra.eventstore.ReadYourWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes: a query with {@value ReadYourWrites#WAIT_PARAMETER} (the position a command
 * answered) is held, for at most {@code shinko.read-your-writes.max-wait} (5 s), until every
 * projection has processed that event; {@value ReadYourWrites#REACHED_HEADER} says whether it
 * did in time. Either way the query is then answered.
 */
@Component
class PositionWait implements HandlerInterceptor, WebMvcConfigurer {

    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private final ProjectionPositions positions;
    private final Duration maxWait;

    PositionWait(ProjectionPositions positions, @Value("${shinko.read-your-writes.max-wait:5s}") Duration maxWait) {
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String wanted = request.getParameter(ReadYourWrites.WAIT_PARAMETER);
        if (wanted == null) {
            return true;
        }
        long position = position(wanted);
        long deadline = System.nanoTime() + maxWait.toNanos(); // elapsed time, not the (injectable) clock
        boolean reached = positions.haveProcessed(position);
        while (!reached && System.nanoTime() - deadline < 0) {
            Thread.sleep(CHECK_EVERY.toMillis());
            reached = positions.haveProcessed(position);
        }
        response.setHeader(ReadYourWrites.REACHED_HEADER, String.valueOf(reached));
        return true;
    }

    private static long position(String text) {
        try {
            long position = Long.parseLong(text.strip());
            if (position >= 1) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidField(ReadYourWrites.WAIT_PARAMETER, text,
                "the position a command answered in " + ReadYourWrites.POSITION_HEADER + ": a whole number from 1");
    }
}
