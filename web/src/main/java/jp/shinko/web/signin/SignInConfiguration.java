package jp.shinko.web.signin;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The screens as a public OpenID Connect client of the identity provider: authorization code
 * with PKCE (Spring Security adds the challenge for a client without a secret), the provider's
 * endpoints from its discovery document, and each person's tokens kept in their server-side
 * session, never in the browser.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    /** The registration's id, as in {@code /oauth2/authorization/shinko}. */
    static final String REGISTRATION = "shinko";

    /**
     * Where people sign in.
     *
     * @param issuer the provider's issuer, whose {@code /.well-known/openid-configuration} names its endpoints
     * @param clientId the screens' client id at the provider
     */
    @ConfigurationProperties("shinko.web.sign-in")
    record SignIn(URI issuer, String clientId) {
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(SignIn signIn) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(signIn.issuer().toString())
                .registrationId(REGISTRATION)
                .clientId(signIn.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }
}
