package jp.shinko.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import jp.shinko.query.position.ProjectionPositions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tamper evidence: one stored event of a Kanagawa municipality (142051, this class's own) is
 * altered straight in PostgreSQL, by someone who gets round the table's refusal of updates;
 * the chain verification and the offline check of the audit bundle both point at that event,
 * and find the chain intact again once the original is put back.
 */
@QueryServiceTest
class ChainAuditTest {

    private static final MunicipalityCode FUJISAWA = MunicipalityCode.of("142051");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path VERIFIER = Path.of("..", "consumers", "audit-verifier", "verify-bundle.py");

    @LocalServerPort
    int port;


    @Autowired
    JdbcClient jdbc;


    @Autowired
    ProjectionPositions projections;

    @Autowired
    StoredPositions stored;

    @Test
    void anEventAlteredInTheDatabaseIsTheFirstBrokenLinkOnlineAndOffline(@TempDir Path folder) throws Exception {
        StoredEvents.append("Municipality", FUJISAWA.value(), 0,
                List.of(new MunicipalityRegistered(FUJISAWA, "藤沢市", "Fujisawa")));
        StoredEvents.append("Plan", FUJISAWA.value() + ":plan:p", 0, List.of(
                new PlanAdopted(FUJISAWA, PlanId.of("p"), "産業振興計画", FiscalYear.of(2023), FiscalYear.of(2025)),
                new PlanItemAdded(FUJISAWA, PlanId.of("p"), ItemId.of("i"), null, new PlanItemContent("1", "創業支援",
                        List.of("産業労働課"), null, null, null, null, null)),
                new AnnualTargetSet(FUJISAWA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(2023),
                        new BigDecimal("40"), "件", null),
                new AnnualActualRecorded(FUJISAWA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(2023),
                        new BigDecimal("31"), "件", null),
                new AnnualTargetSet(FUJISAWA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(2024),
                        new BigDecimal("45"), "件", null)));

        JsonNode intact = verification();
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("eventsVerified").asLong()).isEqualTo(6);
        assertThat(intact.path("headLink").asString()).isEqualTo(jdbc.sql(
                "select encode(link, 'hex') from event_store.chain_head where municipality_code = ?")
                .param(FUJISAWA.value()).query(String.class).single());
        assertThat(verifyOffline(folder.resolve("intact.jsonl"), intact.path("headLink").asString()))
                .startsWith("0 OK: 6 events, head " + intact.path("headLink").asString());

        String actual = jdbc.sql("select event_identifier from event_store.domain_event_entry "
                        + "where municipality_code = ? and payload_type = 'AnnualActualRecorded'")
                .param(FUJISAWA.value()).query(String.class).single();
        String raise = "update event_store.domain_event_entry set payload = convert_to(replace("
                + "convert_from(payload, 'UTF8'), '31', '39'), 'UTF8') where event_identifier = '" + actual + "'";
        assertThatThrownBy(() -> {
            try (Connection owner = TestInfrastructure.commandService().connect();
                    Statement statement = owner.createStatement()) {
                statement.executeUpdate(raise);
            }
        }).as("events are append-only, even for the role that owns them").hasMessageContaining("never changed");
        // the projections have the true figure before it is altered, and get it back afterwards, so a later
        // rebuild in this JVM finds the store as it was
        await().atMost(Duration.ofSeconds(30)).until(() -> projections.haveProcessed(stored.head()));
        asSuperuserGettingRoundTriggers(raise);

        JsonNode broken = verification();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("eventsVerified").asLong()).isEqualTo(4);
        assertThat(broken.path("firstBroken").path("eventId").asString()).isEqualTo(actual);
        assertThat(broken.path("firstBroken").path("position").asLong()).isEqualTo(5);
        assertThat(verifyOffline(folder.resolve("altered.jsonl"), null))
                .startsWith("1 BROKEN at position 5 (event " + actual);

        asSuperuserGettingRoundTriggers(raise.replace("'31', '39'", "'39', '31'"));
        assertThat(verification()).as("the original content restored").isEqualTo(intact);
    }

    private void asSuperuserGettingRoundTriggers(String update) throws SQLException {
        try (Connection connection = TestInfrastructure.postgres().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            assertThat(statement.executeUpdate(update)).isEqualTo(1);
            statement.execute("set session_replication_role = origin");
        }
    }

    @Test
    void onlyAuditorsAndAdminsAudit() {
        RestTestClient analyst = client(Actor.of("analyst", Role.METRO_ANALYST));
        analyst.get().uri("/municipalities/{code}/audit/chain", FUJISAWA.value()).exchange()
                .expectStatus().isForbidden();
    }

    private JsonNode verification() {
        return JSON.readTree(client(Actor.of("auditor", Role.AUDITOR)).get()
                .uri("/municipalities/{code}/audit/chain", FUJISAWA.value()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** Downloads the bundle and runs the README's offline check on it: its exit status, then what it printed. */
    private String verifyOffline(Path bundle, String expectedHead) throws Exception {
        byte[] lines = client(Actor.of("auditor", Role.AUDITOR)).get()
                .uri("/municipalities/{code}/audit/bundle.jsonl", FUJISAWA.value()).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Files.write(bundle, lines);
        List<String> command = expectedHead == null
                ? List.of("python3", VERIFIER.toString(), bundle.toString())
                : List.of("python3", VERIFIER.toString(), bundle.toString(), expectedHead);
        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return check.waitFor() + " " + output;
    }

    private RestTestClient client(Actor actor) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(actor)).build();
    }
}
