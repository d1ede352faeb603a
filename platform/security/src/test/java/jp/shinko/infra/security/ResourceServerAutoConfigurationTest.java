package jp.shinko.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;

/** A service that could not tell a token for it from a token for another API must not start. */
class ResourceServerAutoConfigurationTest {

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class,
                    JacksonAutoConfiguration.class))
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/jwks.json");

    @Test
    void doesNotStartWithoutIssuerAndAudienceAndSaysWhichSettingsAreMissing() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageStartingWith("Tokens cannot be checked until these are set: "
                            + "spring.security.oauth2.resourceserver.jwt.issuer-uri")
                    .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
        });
    }

    @Test
    void doesNotStartWithAnIssuerButNoAudience() {
        service.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences")
                        .hasMessageNotContaining("issuer-uri"));
    }

    @Test
    void startsWithIssuerAndAudienceAndReplacesSpringBootsDefaultSecurity() {
        service.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1",
                        "spring.security.oauth2.resourceserver.jwt.audiences=shinko")
                .run(context -> assertThat(context).hasNotFailed()
                        .getBeans(SecurityFilterChain.class).containsOnlyKeys("verifiedCallersOnly"));
    }
}
