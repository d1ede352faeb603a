package jp.shinko.infra.embedded;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * The local identity provider's OAuth 2.0 authorization code flow with PKCE (RFC 7636) and
 * OpenID Connect, for the web front end: a sign-in page where a developer picks a role, a
 * municipality and an organisation (anyone may pick anything: a developer tool), a one-time code
 * bound to the client, its redirect address and the code challenge, and the token endpoint that
 * exchanges it for the same access token {@code /token} gives and an ID token.
 *
 * <p>Only public clients on the loopback interface are served: a redirect address must be
 * {@code http://localhost:…} or {@code http://127.0.0.1:…}, and PKCE with S256 is required.
 */
final class AuthorizationCodeFlow {

    private static final Duration CODE_VALIDITY = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final LocalIdentityProvider provider;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    AuthorizationCodeFlow(LocalIdentityProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** What a code was issued for: who signed in, for which client and redirect, and the PKCE challenge. */
    private record Grant(Actor actor, String clientId, String redirectUri, String codeChallenge, String nonce,
            Instant expiresAt) {
    }

    /** The OpenID Provider Metadata the web front end discovers the endpoints from. */
    void serveDiscovery(HttpExchange exchange) throws IOException {
        String issuer = provider.issuer().toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/oauth2/token");
        metadata.put("jwks_uri", provider.jwkSetUri().toString());
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("scopes_supported", List.of("openid"));
        metadata.put("claims_supported", List.of("sub", "role", "municipality_code", "organisation"));
        LocalIdentityProvider.respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(metadata));
    }

    /** {@code GET /authorize} shows the sign-in page; {@code POST /authorize} signs in and redirects with a code. */
    void serveAuthorize(HttpExchange exchange) throws IOException {
        boolean posted = exchange.getRequestMethod().equals("POST");
        Map<String, String> parameters = LocalIdentityProvider.parameters(posted
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery());
        String problem = requestProblem(parameters);
        if (problem != null) {
            LocalIdentityProvider.respond(exchange, 400, "text/plain; charset=utf-8", problem + "\n");
            return;
        }
        if (!posted) {
            LocalIdentityProvider.respond(exchange, 200, "text/html; charset=utf-8",
                    SignInPage.render(parameters, null));
            return;
        }
        Actor actor;
        try {
            Role role = Role.fromWireName(parameters.get("role"));
            String municipality = blankToNull(parameters.get("municipality"));
            String subject = blankToNull(parameters.get("subject"));
            actor = new Actor(subject == null ? "local-" + role.wireName()
                    + (municipality == null ? "" : "-" + municipality) : subject, role,
                    municipality == null ? null : MunicipalityCode.of(municipality),
                    blankToNull(parameters.get("organisation")));
        } catch (IllegalArgumentException invalid) {
            LocalIdentityProvider.respond(exchange, 400, "text/html; charset=utf-8",
                    SignInPage.render(parameters, invalid.getMessage()));
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String code = HexFormat.of().formatHex(random);
        codes.put(code, new Grant(actor, parameters.get("client_id"), parameters.get("redirect_uri"),
                parameters.get("code_challenge"), parameters.get("nonce"), clock.instant().plus(CODE_VALIDITY)));
        String redirect = parameters.get("redirect_uri") + (parameters.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + code + (parameters.containsKey("state") ? "&state="
                + URLEncoder.encode(parameters.get("state"), StandardCharsets.UTF_8) : "");
        exchange.getResponseHeaders().set("Location", redirect);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** {@code POST /oauth2/token}: a code and its verifier for an access token and an ID token. */
    void serveToken(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            error(exchange, 405, "invalid_request", "the token endpoint takes POST");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith(FORM)) {
            error(exchange, 400, "invalid_request", "send the parameters as " + FORM);
            return;
        }
        Map<String, String> parameters = LocalIdentityProvider.parameters(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"authorization_code".equals(parameters.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", "only authorization_code is granted");
            return;
        }
        Grant grant = parameters.get("code") == null ? null : codes.remove(parameters.get("code"));
        if (grant == null || grant.expiresAt().isBefore(clock.instant())) {
            error(exchange, 400, "invalid_grant", "the code is unknown, used or expired");
            return;
        }
        if (!grant.clientId().equals(parameters.get("client_id"))
                || !grant.redirectUri().equals(parameters.get("redirect_uri"))) {
            error(exchange, 400, "invalid_grant", "the code was issued to another client or redirect address");
            return;
        }
        String verifier = parameters.get("code_verifier");
        if (verifier == null || !challengeOf(verifier).equals(grant.codeChallenge())) {
            error(exchange, 400, "invalid_grant", "the code_verifier does not match the code_challenge (PKCE, S256)");
            return;
        }
        Instant now = clock.instant();
        Duration validity = LocalIdentityProvider.DEFAULT_VALIDITY;
        JWTClaimsSet.Builder idToken = provider.claimsFor(grant.actor(), now, validity)
                .audience(grant.clientId())
                .claim("auth_time", Date.from(now));
        if (grant.nonce() != null) {
            idToken.claim("nonce", grant.nonce());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", provider.tokenFor(grant.actor(), validity));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", validity.toSeconds());
        answer.put("scope", "openid");
        answer.put("id_token", provider.sign(idToken.build()));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        LocalIdentityProvider.respond(exchange, 200, "application/json", JSONObjectUtils.toJSONString(answer));
    }

    /** Why the authorization request is refused, or null: shown as text, never redirected to an unchecked address. */
    private static String requestProblem(Map<String, String> parameters) {
        if (!"code".equals(parameters.get("response_type"))) {
            return "response_type must be code";
        }
        if (blankToNull(parameters.get("client_id")) == null) {
            return "client_id is required";
        }
        String redirect = parameters.get("redirect_uri");
        URI redirectUri;
        try {
            redirectUri = redirect == null ? null : URI.create(redirect);
        } catch (IllegalArgumentException malformed) {
            redirectUri = null;
        }
        if (redirectUri == null || !"http".equals(redirectUri.getScheme())
                || !("localhost".equals(redirectUri.getHost()) || "127.0.0.1".equals(redirectUri.getHost()))) {
            return "redirect_uri must be an http address on localhost or 127.0.0.1: this provider serves a "
                    + "developer's machine only";
        }
        if (!"S256".equals(parameters.get("code_challenge_method"))
                || blankToNull(parameters.get("code_challenge")) == null) {
            return "PKCE is required: send code_challenge and code_challenge_method=S256";
        }
        return null;
    }

    static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        LocalIdentityProvider.respond(exchange, status, "application/json", JSONObjectUtils.toJSONString(body));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
