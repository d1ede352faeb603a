package jp.shinko.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token found as Spring Security's own resolver finds it, with its defaults: the same
 * token, none, or the same error, for well-formed and malformed Authorization headers alike.
 */
class HeaderBearerTokensTest {

    private static final String JWT = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_";

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc==", "Bearer a~b+c/d.e",
        "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer abc=d", "Bearer =", "Bearer a b",
        "Bearer トークン", "Bearer\t" + JWT, "Bearer:" + JWT, "Bearerx " + JWT, "Basic dXNlcjpwYXNz", "", "Bea",
        "bearer", "Token " + JWT, "Bearer abc\u212A"})
    void answersWhatSpringSecuritysResolverAnswers(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/municipalities");
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);

        assertThat(outcome(new HeaderBearerTokens(), request))
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void neitherTakesATokenFromAParameter(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/municipalities");
        request.setParameter("access_token", JWT);
        request.setContentType("application/x-www-form-urlencoded");

        assertThat(outcome(new HeaderBearerTokens(), request)).isEqualTo("none")
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "Bearer a b"})
    void aTokenOfMyriadCharactersIsCheckedToTheEnd(String head) {
        String authorization = head + String.join("", Collections.nCopies(10_000, "a"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);

        assertThat(outcome(new HeaderBearerTokens(), request))
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), request));
    }

    /** The token found, "none", or the error's code and description. */
    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return Optional.ofNullable(resolver.resolve(request)).map(token -> "token " + token).orElse("none");
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }
}
