package jp.shinko.infra.testsupport;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.infra.embedded.LocalIdentityProvider;
import jp.shinko.infra.security.TokenClaims;

/** Tokens of the test identity provider that the services under test trust, and ones they must refuse. */
public final class TestTokens {

    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {
    }

    /** A valid token naming this person. */
    public static String of(Actor actor) {
        return provider().tokenFor(actor, VALIDITY);
    }

    public static String admin() {
        return of(Actor.of("test-admin", Role.ADMIN));
    }

    /** Tokens a service must answer with 401, each of an otherwise valid admin. */
    public enum Broken {

        /** Expired an hour ago, well past the minute of clock skew allowed. */
        EXPIRED(claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))),
        /** Valid only from ten minutes from now. */
        NOT_YET_VALID(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))),
        WRONG_ISSUER(claims -> claims.issuer("http://localhost:1/another-issuer")),
        WRONG_AUDIENCE(claims -> claims.audience("another-api")),
        /** Correctly signed, but names no role. */
        NAMES_NO_ROLE(claims -> claims.claim(TokenClaims.ROLE, null)) {
            @Override
            public String token() {
                return provider().sign(claims());
            }
        },
        /** Signed with a key the issuer never had, under the issuer's key id. */
        BAD_SIGNATURE(Function.identity()) {
            @Override
            public String token() {
                return provider().signWithAnotherKey(claims());
            }
        },
        /** {@code "alg": "none"}: no signature at all. */
        UNSIGNED(Function.identity()) {
            @Override
            public String token() {
                return new PlainJWT(claims()).serialize();
            }
        },
        NOT_A_JWT(Function.identity()) {
            @Override
            public String token() {
                return "not-a-jwt";
            }
        };

        private final Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> breakage;

        Broken(Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> breakage) {
            this.breakage = breakage;
        }

        public String token() {
            return provider().sign(claims());
        }

        JWTClaimsSet claims() {
            return breakage.apply(provider().claimsFor(Actor.of("test-admin", Role.ADMIN), Instant.now().minus(
                    Duration.ofHours(2)), Duration.ofHours(4))).build();
        }
    }

    private static LocalIdentityProvider provider() {
        return TestInfrastructure.identityProvider();
    }
}
