package jp.shinko.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once and then trusted only until it expires; a refused token is never remembered. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    private final List<String> verified = new ArrayList<>();

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() {
        VerifiedTokens tokens = new VerifiedTokens(verifier(NOW.plus(Duration.ofMinutes(5))), clockAt(NOW));

        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndSoRefused() {
        Instant expiry = NOW.plus(Duration.ofMinutes(5));
        JwtDecoder verifier = verifier(expiry);
        new VerifiedTokens(verifier, clockAt(NOW)).decode("token-a");
        VerifiedTokens later = new VerifiedTokens(token -> {
            verified.add(token);
            throw new BadJwtException("expired");
        }, clockAt(expiry));

        assertThatThrownBy(() -> later.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(token -> {
            verified.add(token);
            throw new BadJwtException("bad signature");
        }, clockAt(NOW));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void headerValuesWithControlCharactersOrUnassignedCodePointsAreRefused() {
        assertThat(ResourceServerAutoConfiguration.assignedAndNotControl("Bearer eyJ.abc-_ 商工観光課")).isTrue();
        assertThat(ResourceServerAutoConfiguration.assignedAndNotControl("a\nb")).isFalse();
        assertThat(ResourceServerAutoConfiguration.assignedAndNotControl("a\u0085b")).isFalse();
        assertThat(ResourceServerAutoConfiguration.assignedAndNotControl("a\uFFFFb")).isFalse();
    }

    private JwtDecoder verifier(Instant expiry) {
        return token -> {
            verified.add(token);
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("clerk")
                    .issuedAt(NOW.minusSeconds(60)).expiresAt(expiry).build();
        };
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
