package jp.shinko.infra.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses, as an invalid token (401), a correctly signed token that does not say who acts: no
 * subject, no or an unknown role, a municipal role without a valid municipality code. Such a
 * token is a misconfigured identity provider, not a person with too few rights.
 */
final class ActorClaimsValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        try {
            TokenClaims.actorOf(token.getClaims());
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                    "the token does not say who acts: " + e.getMessage(), null));
        }
    }
}
