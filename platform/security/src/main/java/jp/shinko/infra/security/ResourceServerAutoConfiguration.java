package jp.shinko.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.shinko.events.actor.Role;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes a service an OAuth2 resource server that trusts only tokens of its configured issuer
 * and audience, and turns every verified token into an {@link ActorAuthentication}.
 *
 * <p>Spring Boot builds the token decoder from {@code spring.security.oauth2.resourceserver.jwt.*}
 * ({@code issuer-uri}, optionally {@code jwk-set-uri}) and checks signature (RS256), expiry and
 * not-before; it checks the issuer only when {@code issuer-uri} is set and the audience only
 * when {@code audiences} is, which is why both are required here: a service without them does
 * not start. Health stays open for load balancers, and the OpenAPI description and Swagger UI
 * for readers of the API; every other actuator endpoint is for admins; the error page is not
 * called directly; everything else needs a verified person, whose rights on each record are
 * checked where the record is known.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
@EnableWebSecurity
public class ResourceServerAutoConfiguration {

    static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String AUDIENCES_PROPERTY = "spring.security.oauth2.resourceserver.jwt.audiences";

    /** The address clients reach this service at, as published in its RFC 9728 metadata. */
    static final String PUBLIC_URL_PROPERTY = "shinko.public-url";

    /** Where RFC 9728 puts the metadata. */
    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    /** Spring Boot's error page: only ever forwarded to, never a thing to call. */
    private static final String ERROR_PAGE = "/error";

    @Bean
    SecurityFilterChain verifiedCallersOnly(HttpSecurity http, OAuth2ResourceServerProperties properties,
            Environment environment) {
        requireIssuerAndAudience(properties.getJwt());
        Supplier<String> publicUrl = publicUrl(environment);
        ProblemResponses problems = new ProblemResponses(() -> publicUrl.get() + METADATA_PATH);
        String apiDocs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        String swaggerUi = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        http.authorizeHttpRequests(requests -> requests
                        // the container's forward to render an error of a request that was let through
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(ERROR_PAGE).denyAll()
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        // the API's description holds no records, and Swagger UI must load it before
                        // its Authorize button can take a token
                        .requestMatchers(apiDocs, apiDocs + "/**", apiDocs + ".yaml", swaggerUi, "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.wireName())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new HeaderBearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                token -> new ActorAuthentication(TokenClaims.actorOf(token.getClaims()), token)))
                        // RFC 9728 metadata, open to all: tells a client where to get a token. It names the
                        // configured public URL, never the request's Host header, and only what is enforced:
                        // bearer tokens in the Authorization header, not bound to a client certificate
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                about -> about.resource(publicUrl.get())
                                        .authorizationServers(servers -> servers.clear())
                                        .authorizationServer(properties.getJwt().getIssuerUri())
                                        .bearerMethods(methods -> methods.clear())
                                        .bearerMethod("header")
                                        .tlsClientCertificateBoundAccessTokens(false)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // tokens, not cookies: no session to protect from cross-site requests
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Who asks and about which municipality in every log line about a request ({@link
     * RequestLogContext}), right after the security filters have verified the token.
     */
    @Bean
    FilterRegistrationBean<RequestLogContext> requestLogContext() {
        FilterRegistrationBean<RequestLogContext> registration = new FilterRegistrationBean<>(new RequestLogContext());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * The token decoder Spring Boot builds, remembering the tokens it verified (see {@link
     * VerifiedTokens}); the cache's hits and misses are the meters {@code cache.gets} with tag
     * {@code cache=verified-tokens}.
     */
    @Bean
    static VerifiedTokensRemembered verifiedTokensRemembered() {
        return new VerifiedTokensRemembered();
    }

    /** Wraps the decoder in {@link VerifiedTokens} and binds the cache's statistics to the meters. */
    static final class VerifiedTokensRemembered implements BeanPostProcessor, MeterBinder {

        private final Cache<String, Jwt> verified = VerifiedTokens.newCache();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                    ? new VerifiedTokens(decoder, Clock.systemUTC(), verified) : bean;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
        }
    }

    /**
     * Spring Security's firewall as it is, with its check of header values (assigned characters,
     * no control characters) done by a loop instead of a regular expression: that expression,
     * run over every bearer token, was 7% of the command service's work under load.
     */
    @Bean
    WebSecurityCustomizer headerValuesCheckedWithoutRegex() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(ResourceServerAutoConfiguration::assignedAndNotControl);
        // what the firewall refuses is answered as problem details too
        ProblemResponses problems = new ProblemResponses(() -> "");
        return web -> web.httpFirewall(firewall).requestRejectedHandler(problems);
    }

    static boolean assignedAndNotControl(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Added by Spring Boot to the token decoder's checks. */
    @Bean
    OAuth2TokenValidator<Jwt> actorClaimsValidator() {
        return new ActorClaimsValidator();
    }

    /** Documents the bearer token in the services' OpenAPI descriptions. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiDocumentation {

        @Bean
        OpenApiBearerScheme openApiBearerScheme() {
            return new OpenApiBearerScheme();
        }
    }

    /**
     * {@value #PUBLIC_URL_PROPERTY}; when it is not set, localhost on the port the request came in
     * on (the server's own socket, not the Host header a caller chooses).
     */
    private static Supplier<String> publicUrl(Environment environment) {
        String configured = environment.getProperty(PUBLIC_URL_PROPERTY);
        if (StringUtils.hasText(configured)) {
            String url = configured.strip();
            String withoutSlash = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return () -> withoutSlash;
        }
        return () -> RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? "http://localhost:" + request.getRequest().getLocalPort()
                : "http://localhost:" + environment.getProperty("server.port", "8080");
    }

    private static void requireIssuerAndAudience(OAuth2ResourceServerProperties.Jwt jwt) {
        List<String> missing = new ArrayList<>();
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            missing.add(ISSUER_PROPERTY + " (env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI): the identity "
                    + "provider's issuer, exactly as in its tokens' iss claim");
        }
        if (jwt.getAudiences() == null || jwt.getAudiences().isEmpty()) {
            missing.add(AUDIENCES_PROPERTY + " (env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES): the "
                    + "audience tokens for this API carry in their aud claim");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Tokens cannot be checked until these are set: "
                    + String.join("; ", missing) + ". See the README, section Identities.");
        }
    }
}
