package jp.shinko.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web front end's sign-in: the authorization code flow with PKCE, as Spring Security's
 * OAuth 2.0 client runs it against the local identity provider.
 */
class AuthorizationCodeFlowTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9x7oqWrrJtJhLd6cFN3Hx1hQ8r0uLsV2cQ9yH5xk3BjNn";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/shinko";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeveloperSignsInAsAnEditorAndTheClientGetsTheirTokensForTheCodeAndItsVerifier() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral()) {
            Map<String, Object> discovery = JSONObjectUtils.parse(get(provider.issuer()
                    + "/.well-known/openid-configuration").body());
            assertThat(discovery).containsEntry("issuer", provider.issuer().toString())
                    .containsEntry("authorization_endpoint", provider.issuer() + "/authorize");
            HttpResponse<String> page = get(provider.issuer() + "/authorize?" + form(request()));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"ja\">", "<label for=\"role\">役割</label>",
                    "name=\"code_challenge\"");

            Map<String, String> signIn = request();
            signIn.put("role", "municipal-editor");
            signIn.put("municipality", "132284");
            signIn.put("organisation", "商工観光課");
            HttpResponse<String> redirected = post(provider.issuer() + "/authorize", signIn);
            assertThat(redirected.statusCode()).isEqualTo(302);
            String location = redirected.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
            String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));

            HttpResponse<String> tokens = post(provider.issuer() + "/oauth2/token", Map.of("grant_type",
                    "authorization_code", "code", code, "redirect_uri", REDIRECT, "client_id", "shinko-web",
                    "code_verifier", VERIFIER));
            assertThat(tokens.statusCode()).isEqualTo(200);
            Map<String, Object> answer = JSONObjectUtils.parse(tokens.body());
            SignedJWT access = SignedJWT.parse((String) answer.get("access_token"));
            assertThat(access.getJWTClaimsSet().getAudience()).containsExactly(LocalIdentityProvider.AUDIENCE);
            assertThat(access.getJWTClaimsSet().getClaims()).containsEntry("role", "municipal-editor")
                    .containsEntry("municipality_code", "132284").containsEntry("organisation", "商工観光課");
            SignedJWT id = SignedJWT.parse((String) answer.get("id_token"));
            assertThat(id.getJWTClaimsSet().getAudience()).containsExactly("shinko-web");
            assertThat(id.getJWTClaimsSet().getClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");

            assertThat(post(provider.issuer() + "/oauth2/token", Map.of("grant_type", "authorization_code",
                    "code", code, "redirect_uri", REDIRECT, "client_id", "shinko-web", "code_verifier", VERIFIER))
                    .body()).as("a code is used once").contains("invalid_grant");
        }
    }

    @Test
    void aWrongVerifierAnImpossibleIdentityAndAnAddressOffTheMachineAreRefused() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral()) {
            Map<String, String> signIn = request();
            signIn.put("role", "municipal-editor");
            HttpResponse<String> refused = post(provider.issuer() + "/authorize", signIn);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("role=\"alert\"", "needs the municipality");

            signIn.put("role", "metro-analyst");
            String location = post(provider.issuer() + "/authorize", signIn).headers().firstValue("Location")
                    .orElseThrow();
            String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
            HttpResponse<String> wrong = post(provider.issuer() + "/oauth2/token", Map.of("grant_type",
                    "authorization_code", "code", code, "redirect_uri", REDIRECT, "client_id", "shinko-web",
                    "code_verifier", VERIFIER + "x"));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("invalid_grant", "PKCE");

            Map<String, String> elsewhere = request();
            elsewhere.put("redirect_uri", "https://attacker.example/callback");
            assertThat(get(provider.issuer() + "/authorize?" + form(elsewhere)).statusCode()).isEqualTo(400);
            Map<String, String> withoutPkce = request();
            withoutPkce.remove("code_challenge");
            assertThat(get(provider.issuer() + "/authorize?" + form(withoutPkce)).body()).contains("PKCE");
        }
    }

    private static Map<String, String> request() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "shinko-web");
        parameters.put("redirect_uri", REDIRECT);
        parameters.put("state", "xyz");
        parameters.put("scope", "openid");
        parameters.put("nonce", "n-0S6_WzA2Mj");
        parameters.put("code_challenge", AuthorizationCodeFlow.challengeOf(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> entry.getKey() + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String uri, Map<String, String> parameters) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
