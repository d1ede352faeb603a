package jp.shinko.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenClaimsTest {

    private static final Actor TAMA_CHAMBER_EDITOR =
            new Actor("alice", Role.MUNICIPAL_EDITOR, MunicipalityCode.of("132241"), "商工会議所");

    @Test
    void readsTheActorBackFromTheClaimsItWrote() {
        Map<String, Object> claims = TokenClaims.claimsOf(TAMA_CHAMBER_EDITOR);

        assertThat(claims).containsExactly(Map.entry("sub", "alice"), Map.entry("role", "municipal-editor"),
                Map.entry("municipality_code", "132241"), Map.entry("organisation", "商工会議所"));
        assertThat(TokenClaims.actorOf(claims)).isEqualTo(TAMA_CHAMBER_EDITOR);
    }

    @Test
    void aRoleGivenAsAListIsRefusedNamingTheClaim() {
        assertThatThrownBy(() -> TokenClaims.actorOf(Map.of("sub", "x", "role", List.of("admin"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claim role must be a single string, not [admin]");
    }

    @Test
    void aSubjectOrOrganisationNoRecordCouldHoldIsRefused() {
        assertThatThrownBy(() -> TokenClaims.actorOf(Map.of("sub", "x".repeat(256), "role", "admin")))
                .hasMessage("claim sub has at most 255 characters and no control characters");
        assertThatThrownBy(() -> TokenClaims.actorOf(Map.of("sub", "a\u0000b", "role", "admin")))
                .hasMessageStartingWith("claim sub");
        assertThatThrownBy(() -> TokenClaims.actorOf(Map.of("sub", "x", "role", "municipal-editor",
                "municipality_code", "132241", "organisation", "課".repeat(61))))
                .hasMessageStartingWith("claim organisation");
    }

    @Test
    void aMunicipalityCodeWithAWrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> TokenClaims.actorOf(
                        Map.of("sub", "x", "role", "municipal-viewer", "municipality_code", "132240")))
                .hasMessageEndingWith("the check digit of 132240 is wrong: for 13224 it is 1, so the code would be "
                        + "132241");
    }

    @Test
    void theValidatorTurnsATokenThatNamesNobodyIntoAnInvalidTokenError() {
        Jwt noRole = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").issuedAt(Instant.now()).build();

        OAuth2TokenValidatorResult result = new ActorClaimsValidator().validate(noRole);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
            assertThat(error.getDescription()).isEqualTo("the token does not say who acts: claims sub, role, "
                    + "municipality_code, organisation: the role must be one of municipal-editor, municipal-viewer, "
                    + "metro-analyst, metro-editor, auditor, admin, not missing");
        });
    }

    @Test
    void eventMetadataNamesTheActorAndReadsBackTheSame() {
        Map<String, String> metaData = ActorMetaData.of(TAMA_CHAMBER_EDITOR);

        assertThat(metaData).containsOnlyKeys(ActorMetaData.KEYS);
        assertThat(ActorMetaData.from(metaData)).contains(TAMA_CHAMBER_EDITOR);
        assertThat(ActorMetaData.of(Actor.of("ops", Role.ADMIN)))
                .containsExactly(Map.entry("actorSubject", "ops"), Map.entry("actorRole", "admin"));
        assertThat(ActorMetaData.from(Map.of("commandId", "c-1"))).isEmpty();
    }
}
