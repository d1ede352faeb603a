package jp.shinko.command.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What operators see on the Prometheus endpoint: each command request counted and timed by its
 * endpoint and outcome, the processors' lag, and the processors in health. Gifu (212016) is
 * this class's own municipality.
 */
@CommandServiceTest
class CommandMetricsTest {

    private static final String GIFU = "212016";
    private static final String REGISTER = "POST /municipalities";
    private static final String REASONS = "PUT /municipalities/{code}/reason-codes";

    @LocalServerPort
    int port;

    @Test
    void everyCommandIsCountedByEndpointAndOutcome() {
        RestTestClient admin = client(TestTokens.admin());
        Map<String, Double> before = Map.of(
                REGISTER + " accepted", count(admin, REGISTER, "accepted"),
                REGISTER + " conflict", count(admin, REGISTER, "conflict"),
                REASONS + " unauthorized", count(admin, REASONS, "unauthorized"),
                REASONS + " invalid", count(admin, REASONS, "invalid"),
                REASONS + " accepted", count(admin, REASONS, "accepted"));

        for (String key : List.of("register-gifu", "register-gifu-again")) {
            admin.post().uri("/municipalities").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", GIFU, "name", "岐阜市", "romanisedName", "Gifu")).exchange();
        }
        RestTestClient clerk = client(TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of(GIFU), null)));
        RestTestClient stranger = client(TestTokens.of(new Actor("stranger", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of("132241"), null)));
        Map<String, Object> reasons = Map.of("reasons", List.of(Map.of("code", "1", "label", "人員不足")));
        stranger.put().uri("/municipalities/" + GIFU + "/reason-codes").contentType(MediaType.APPLICATION_JSON)
                .body(reasons).exchange().expectStatus().isForbidden();
        clerk.put().uri("/municipalities/" + GIFU + "/reason-codes").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reasons", "none")).exchange().expectStatus().isBadRequest();
        clerk.put().uri("/municipalities/" + GIFU + "/reason-codes").contentType(MediaType.APPLICATION_JSON)
                .body(reasons).exchange().expectStatus().isOk();

        assertThat(count(admin, REGISTER, "accepted")).isEqualTo(before.get(REGISTER + " accepted") + 1);
        assertThat(count(admin, REGISTER, "conflict")).isEqualTo(before.get(REGISTER + " conflict") + 1);
        assertThat(count(admin, REASONS, "unauthorized")).isEqualTo(before.get(REASONS + " unauthorized") + 1);
        assertThat(count(admin, REASONS, "invalid")).isEqualTo(before.get(REASONS + " invalid") + 1);
        assertThat(count(admin, REASONS, "accepted")).isEqualTo(before.get(REASONS + " accepted") + 1);
        assertThat(prometheus(admin)).contains("shinko_commands_seconds_bucket{application=\"command-service\","
                + "endpoint=\"" + REASONS + "\",outcome=\"accepted\",le=");
    }

    @Test
    void theRelaysLagIsAGaugeAndTheProcessorsAreInHealth() {
        RestTestClient admin = client(TestTokens.admin());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus(admin))
                .contains("shinko_processor_lag_events{application=\"command-service\","
                        + "processor=\"kafka-relay\"} 0.0"));
        admin.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.processors.status").isEqualTo("UP")
                .jsonPath("$.components.processors.details.kafka-relay.running").isEqualTo(true)
                .jsonPath("$.components.processors.details.kafka-relay.lag").isNumber();
    }

    /** The caches' hits and misses are published, so their hit rates can be watched. */
    @Test
    void theCachesHitsAndMissesArePublished() {
        RestTestClient admin = client(TestTokens.admin());
        String metrics = prometheus(admin);

        for (String cache : List.of("aggregates", "verified-tokens")) {
            assertThat(metrics).contains("cache_gets_total{application=\"command-service\",cache=\"" + cache
                    + "\",result=\"hit\"}", "cache=\"" + cache + "\",result=\"miss\"}");
        }
    }

    /** How many requests of the endpoint had the outcome, by the Prometheus endpoint (0 before the first). */
    private static double count(RestTestClient admin, String endpoint, String outcome) {
        Matcher line = Pattern.compile("^shinko_commands_seconds_count\\{application=\"command-service\",endpoint=\""
                + Pattern.quote(endpoint) + "\",outcome=\"" + outcome + "\"} (\\S+)$", Pattern.MULTILINE)
                .matcher(prometheus(admin));
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String prometheus(RestTestClient admin) {
        return admin.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
