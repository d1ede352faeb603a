package jp.shinko.infra.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified, until they expire: a client sends the same token with
 * every request, and checking its RS256 signature again each time was a fifth of the command
 * service's work under load. A token is verified (signature, issuer, audience, times, actor
 * claims) the first time it is seen; after that only its expiry is checked. Refused tokens are
 * never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    /** At most this many tokens are remembered; expired ones are dropped first, then all if needed. */
    static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && validAt(known, now)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= CAPACITY) {
                verified.values().removeIf(remembered -> !validAt(remembered, now));
                if (verified.size() >= CAPACITY) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean validAt(Jwt jwt, Instant now) {
        return now.isBefore(jwt.getExpiresAt());
    }
}
