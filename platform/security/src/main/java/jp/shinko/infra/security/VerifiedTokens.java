package jp.shinko.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified, until they expire: a client sends the same token with
 * every request, and checking its RS256 signature again each time was a fifth of the command
 * service's work under load. A token is verified (signature, issuer, audience, times, actor
 * claims) the first time it is seen; after that only its expiry is checked, by the service's
 * clock. Refused tokens are never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    /** At most this many tokens are remembered; the cache drops the least valuable beyond it. */
    static final int CAPACITY = 10_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this(verifier, clock, newCache());
    }

    VerifiedTokens(JwtDecoder verifier, Clock clock, Cache<String, Jwt> verified) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = verified;
    }

    /** The cache of verified tokens, with statistics for its hit-rate metrics. */
    static Cache<String, Jwt> newCache() {
        return Caffeine.newBuilder().maximumSize(CAPACITY).recordStats().build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.getIfPresent(token);
        if (known != null && validAt(known, now)) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static boolean validAt(Jwt jwt, Instant now) {
        return now.isBefore(jwt.getExpiresAt());
    }
}
