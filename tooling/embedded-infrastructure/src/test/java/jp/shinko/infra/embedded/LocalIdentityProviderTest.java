package jp.shinko.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIdentityProviderTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void issuesSignedTokensForTheRoleMunicipalityAndOrganisationAskedFor() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral()) {
            HttpResponse<String> response = get(provider.tokenUri() + "?role=municipal-editor&municipality=132241"
                    + "&organisation=" + URLEncoder.encode("商工会議所", StandardCharsets.UTF_8));

            assertThat(response.statusCode()).isEqualTo(200);
            SignedJWT token = SignedJWT.parse(response.body());
            RSAKey publicKey = JWKSet.parse(get(provider.jwkSetUri().toString()).body()).getKeys().get(0).toRSAKey();
            assertThat(token.verify(new RSASSAVerifier(publicKey))).isTrue();
            assertThat(token.getHeader().getKeyID()).isEqualTo(publicKey.getKeyID());
            assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(provider.issuer().toString());
            assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(LocalIdentityProvider.AUDIENCE);
            assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("local-municipal-editor-132241");
            assertThat(token.getJWTClaimsSet().getClaims())
                    .containsEntry("role", "municipal-editor")
                    .containsEntry("municipality_code", "132241")
                    .containsEntry("organisation", "商工会議所");
        }
    }

    @Test
    void publishesOnlyThePublicHalfOfItsKey() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral()) {
            RSAKey published = JWKSet.parse(get(provider.jwkSetUri().toString()).body()).getKeys().get(0).toRSAKey();

            assertThat(published.isPrivate()).isFalse();
        }
    }

    @Test
    void aRequestForAnImpossibleIdentityIsABadRequestThatSaysWhy() throws Exception {
        try (LocalIdentityProvider provider = LocalIdentityProvider.startEphemeral()) {
            HttpResponse<String> response = get(provider.tokenUri() + "?role=municipal-viewer");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("the role municipal-viewer needs the municipality it belongs to");
        }
    }

    @Test
    void keepsItsKeyInAFileOnlyItsOwnerCanReadAndUsesItAgainAfterARestart() throws Exception {
        Path keyFile = data.resolve("identity/signing-key.json");
        String firstKeySet;
        int port = FreePorts.any();
        try (LocalIdentityProvider provider = LocalIdentityProvider.start(keyFile, port)) {
            firstKeySet = get(provider.jwkSetUri().toString()).body();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        try (LocalIdentityProvider restarted = LocalIdentityProvider.start(keyFile, port)) {
            assertThat(get(restarted.jwkSetUri().toString()).body()).isEqualTo(firstKeySet);
            assertThat(restarted.resourceServerProperties()).containsValues("http://localhost:" + port,
                    "http://localhost:" + port + "/jwks.json", "shinko");
        }
        assertThat(List.of(keyFile.getParent().toFile().list())).containsExactly("signing-key.json");
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
