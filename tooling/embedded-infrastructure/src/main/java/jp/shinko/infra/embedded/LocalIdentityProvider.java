package jp.shinko.infra.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.security.TokenClaims;

/**
 * A small OAuth2 token issuer for the local stack and the tests, so that both services check
 * real RS256 tokens exactly as they would a production identity provider's.
 *
 * <p>It signs with one RSA key, kept in a file when it should survive restarts, and serves on
 * the loopback interface only: {@code GET /jwks.json} (the public key, which the services fetch),
 * {@code GET /token?role=…&municipality=…&organisation=…} (a token for anyone who asks, which is
 * why it must never run outside a developer's machine), and for the web front end the OpenID
 * Connect authorization code flow with PKCE ({@link AuthorizationCodeFlow}: a sign-in page where a
 * developer picks who they are).
 */
public final class LocalIdentityProvider implements AutoCloseable {

    /** The audience of every token it issues; the services are configured to require it. */
    public static final String AUDIENCE = "shinko";

    /** How long a token from {@code /token} is valid unless {@code hours} says otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

    private static final int KEY_SIZE = 2048;
    private static final int MAX_HOURS = 24 * 30;
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final RSAKey key;
    private final HttpServer server;
    private final URI issuer;

    private LocalIdentityProvider(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = URI.create("http://localhost:" + server.getAddress().getPort());
        server.createContext("/jwks.json", this::serveKeySet);
        server.createContext("/token", this::serveToken);
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this, Clock.systemUTC());
        server.createContext("/.well-known/openid-configuration", flow::serveDiscovery);
        server.createContext("/authorize", flow::serveAuthorize);
        server.createContext("/oauth2/token", flow::serveToken);
        server.start();
    }

    /**
     * Starts on the given port with the key in {@code keyFile}, creating the key (readable by
     * the owner only) on first start.
     */
    public static LocalIdentityProvider start(Path keyFile, int port) throws IOException {
        return new LocalIdentityProvider(loadOrCreateKey(keyFile), listen(port));
    }

    /** Starts on a free port with a key that lives only as long as this process. */
    public static LocalIdentityProvider startEphemeral() throws IOException {
        return new LocalIdentityProvider(newKey(), listen(0));
    }

    /** The issuer, as in every token's {@code iss}. */
    public URI issuer() {
        return issuer;
    }

    /** Where the services fetch the public key. */
    public URI jwkSetUri() {
        return issuer.resolve("/jwks.json");
    }

    /** Where a developer gets a token: {@code curl 'http://localhost:PORT/token?role=admin'}. */
    public URI tokenUri() {
        return issuer.resolve("/token");
    }

    /** The Spring Boot properties that make a service trust this issuer's tokens and no others. */
    public Map<String, String> resourceServerProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.toString(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri().toString(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** A token for this person, valid from now for the given time. */
    public String tokenFor(Actor actor, Duration validity) {
        return sign(claimsFor(actor, Instant.now(), validity).build());
    }

    /**
     * The claims of a well-formed token for this person, for tests that change one of them
     * (expiry, issuer, audience…) to see it refused.
     */
    public JWTClaimsSet.Builder claimsFor(Actor actor, Instant issuedAt, Duration validity) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        TokenClaims.claimsOf(actor).forEach(claims::claim);
        return claims;
    }

    /** Signs claims with this issuer's key (RS256, with its key id), as its tokens are. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs claims with another key under this issuer's key id: a forgery the services must refuse. */
    public String signWithAnotherKey(JWTClaimsSet claims) {
        try {
            return sign(claims, new RSAKeyGenerator(KEY_SIZE).keyID(key.getKeyID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not create a key", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            token.sign(new RSASSASigner(signingKey));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private void serveKeySet(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
    }

    private void serveToken(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = parameters(exchange.getRequestURI().getRawQuery());
        Actor actor;
        Duration validity;
        try {
            Role role = Role.fromWireName(parameters.get("role"));
            String municipality = parameters.get("municipality");
            String subject = parameters.getOrDefault("subject",
                    "local-" + role.wireName() + (municipality == null ? "" : "-" + municipality));
            actor = new Actor(subject, role, municipality == null ? null : MunicipalityCode.of(municipality),
                    parameters.get("organisation"));
            validity = validity(parameters.get("hours"));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\nUsage: GET /token?role=ROLE"
                    + "[&municipality=CODE][&organisation=NAME][&subject=NAME][&hours=1-" + MAX_HOURS + "]\n");
            return;
        }
        respond(exchange, 200, "text/plain; charset=utf-8", tokenFor(actor, validity));
    }

    private static Duration validity(String hours) {
        if (hours == null) {
            return DEFAULT_VALIDITY;
        }
        try {
            int value = Integer.parseInt(hours);
            if (value >= 1 && value <= MAX_HOURS) {
                return Duration.ofHours(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("hours must be a whole number from 1 to " + MAX_HOURS + ", not " + hours);
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && equals < pair.length() - 1) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpServer listen(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    }

    private static RSAKey loadOrCreateKey(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            try {
                return RSAKey.parse(Files.readString(keyFile));
            } catch (ParseException e) {
                throw new IOException(keyFile + " is not a signing key; delete it to have a new one made", e);
            }
        }
        RSAKey key = newKey();
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
            Files.createFile(keyFile, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
        }
        Files.writeString(keyFile, key.toJSONString());
        return key;
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not create a signing key", e);
        }
    }
}
