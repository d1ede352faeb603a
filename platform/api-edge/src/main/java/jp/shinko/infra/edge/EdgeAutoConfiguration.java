package jp.shinko.infra.edge;

import java.util.Set;
import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge every request of either service passes: strict JSON ({@link StrictRequestJson}),
 * checked parameters ({@link RequestParameterChecks}), bounded bodies and a {@code 503} for an
 * unreachable database ({@link EdgeFilter}), bounded waits ({@link CallerWaits}) and problem
 * details for what Tomcat refuses itself ({@link ProblemErrorReportValve}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeAutoConfiguration {

    /** Media subtypes of the structured formats besides JSON that Jackson's converters would read and write. */
    private static final Set<String> OTHER_FORMATS = Set.of("yaml", "x-yaml", "xml", "x-jackson-smile", "cbor");

    /** Request bodies read strictly: the JSON converter in its usual place, after Spring Boot's (order 0). */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new StrictJsonConverter(StrictRequestJson.of(jsonMapper));
        // JSON only: YAML, XML, Smile and CBOR (there because a library brings Jackson's formats) would read
        // bodies without the strict rules and answer in other shapes
        return converters -> converters.withJsonConverter(strict).configureMessageConvertersList(list -> list
                .removeIf(converter -> converter.getSupportedMediaTypes().stream()
                        .anyMatch(type -> OTHER_FORMATS.contains(type.getSubtype()))));
    }

    /** Replaces Spring Boot's error page, so that even what fails outside a controller is a problem. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    CallerWaits callerWaits(EdgeProperties properties) {
        return new CallerWaits(properties.waitsPerCaller());
    }

    @Bean
    FilterRegistrationBean<EdgeFilter> edgeFilter(EdgeProperties properties) {
        FilterRegistrationBean<EdgeFilter> registration = new FilterRegistrationBean<>(new EdgeFilter(
                new BodyLimits(properties.maxBodySize().toBytes(), properties.maxLargeBodySize().toBytes(),
                        properties.largeBodyPaths())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Fiscal years, quarters, municipality codes and ids as request parameters (see the class). */
    @Bean
    PublishedTypesInRequests publishedTypesInRequests() {
        return new PublishedTypesInRequests();
    }

    /** In the OpenAPI description those parameters are the text a client sends, not the Java records. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
    static class PublishedTypesAsText {

        PublishedTypesAsText() {
            PublishedTypesInRequests.TYPES.forEach(type -> SpringDocUtils.getConfig().replaceWithClass(type,
                    String.class));
        }
    }

    @Bean
    WebMvcConfigurer requestParameterChecks() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestParameterChecks()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
