package jp.shinko.command.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times every command request and counts it by endpoint (each sends one type of command) and
 * outcome, as the timer {@code shinko.commands}: {@code accepted}, {@code rejected} (a rule of
 * the plan or the city refused it, or an idempotency key came again with another request),
 * {@code conflict} (a concurrent change, or a record that exists already), {@code unauthorized}
 * (the caller may not), {@code invalid} (bad input or an unknown record) or {@code failed} (a
 * fault of the service). Calls without a valid token never reach a
 * command and are counted only by Spring's {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
class CommandMetrics implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final String STARTED = CommandMetrics.class.getName() + ".started";

    private final MeterRegistry metrics;

    CommandMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/admin/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod && COMMAND_METHODS.contains(request.getMethod())) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (request.getAttribute(STARTED) instanceof Long started) {
            Timer.builder("shinko.commands")
                    .description("Command requests by endpoint and outcome")
                    .tag("endpoint", request.getMethod() + " "
                            + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                    .tag("outcome", outcome(response.getStatus(), exception))
                    .publishPercentileHistogram()
                    .register(metrics)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** An exception still unresolved here is answered later: a refusal by Spring Security, or a fault. */
    private static String outcome(int status, Exception unresolved) {
        if (unresolved instanceof AccessDeniedException) {
            return "unauthorized";
        }
        if (unresolved != null) {
            return "failed";
        }
        if (status < 400) {
            return "accepted";
        }
        return switch (status) {
            case 422 -> "rejected";
            case 409 -> "conflict";
            case 401, 403 -> "unauthorized";
            default -> status >= 500 ? "failed" : "invalid";
        };
    }
}
