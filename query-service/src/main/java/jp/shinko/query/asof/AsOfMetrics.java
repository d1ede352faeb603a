package jp.shinko.query.asof;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times every answer "as of" an earlier time, which replays events instead of reading the
 * projections, as the timer {@code shinko.queries.as.of}, by endpoint and status.
 */
@Configuration(proxyBeanMethods = false)
class AsOfMetrics implements WebMvcConfigurer, HandlerInterceptor {

    private static final String STARTED = AsOfMetrics.class.getName() + ".started";

    private final MeterRegistry metrics;

    AsOfMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getParameter(AsOf.PARAMETER) != null) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        if (request.getAttribute(STARTED) instanceof Long started) {
            Object endpoint = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            Timer.builder("shinko.queries.as.of")
                    .description("Answers as of an earlier recorded time, by endpoint and status")
                    .tag("endpoint", String.valueOf(endpoint))
                    .tag("status", String.valueOf(response.getStatus()))
                    .publishPercentileHistogram()
                    .register(metrics)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }
}
