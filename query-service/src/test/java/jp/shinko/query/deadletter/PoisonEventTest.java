package jp.shinko.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
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
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event a projection cannot process, stored below the API: it is parked with its cause and so
 * are its record's later events, health turns DOWN naming it, every other city is served as
 * before, and once the cause is fixed a retry processes the parked events in order. Yamagata's
 * municipalities (06) are this test's own.
 */
@QueryServiceTest
class PoisonEventTest {

    private static final MunicipalityCode YAMAGATA = MunicipalityCode.of("062014");
    private static final MunicipalityCode YONEZAWA = MunicipalityCode.of("062022");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;



    @Test
    void aPoisonEventIsParkedNamedInHealthAndLeavesEveryOtherCityAlone() throws Exception {
        planWithTarget(YONEZAWA, "米沢市", 0);
        planWithTarget(YAMAGATA, "山形市", 0);
        String yamagataPlan = YAMAGATA.value() + ":plan:p";
        String sound = "{\"municipalityCode\":\"062014\",\"planId\":\"p\",\"itemId\":\"a\",\"fiscalYear\":2024,"
                + "\"value\":12,\"unit\":\"件\"}";
        String poison = UUID.randomUUID().toString();
        insertBelowTheApi(poison, yamagataPlan, 4, sound.substring(0, 60)); // cut off: no JSON
        StoredEvents.append("Plan", yamagataPlan, 5, List.of(new AnnualTargetSet(YAMAGATA, PlanId.of("p"),
                ItemId.of("a"),
                FiscalYear.of(2025), BigDecimal.valueOf(14), "件", null)));
        RestTestClient admin = client(TestTokens.admin());

        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(() -> get(admin,
                "/admin/projections/dead-letters"), list -> list.path("total").asLong() >= 2);
        List<JsonNode> yamagatas = parked.path("events").valueStream()
                .filter(letter -> letter.path("recordId").asString().equals(yamagataPlan)).toList();
        assertThat(yamagatas).extracting(letter -> letter.path("eventId").asString()).first().isEqualTo(poison);
        assertThat(yamagatas).hasSize(2).allSatisfy(letter ->
                assertThat(letter.path("processingGroup").asString()).isEqualTo("progress"));
        assertThat(yamagatas.get(0).path("causeMessage").asString()).isNotBlank();

        JsonNode health = JSON.readTree(admin.get().uri("/actuator/health").exchange().expectStatus()
                .isEqualTo(503).returnResult(String.class).getResponseBody());
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        assertThat(health.path("components").path("deadLetters").path("details").path("first").path(0)
                .path("eventId").asString()).isEqualTo(poison);

        RestTestClient yonezawa = client(TestTokens.of(new Actor("yonezawa", Role.MUNICIPAL_VIEWER, YONEZAWA, null)));
        assertThat(get(yonezawa, "/municipalities/062022/plans/p/progress/annual").path("items").path(0)
                .path("years").toString()).contains("\"target\":10");
        assertThat(get(client(TestTokens.of(Actor.of("analyst", Role.METRO_ANALYST))), "/cross-city/summary")
                .path("items").valueStream().map(city -> city.path("municipalityCode").asString()))
                .contains("062022");

        repair(poison, sound);
        JsonNode retried = JSON.readTree(admin.post().uri("/admin/projections/dead-letters/retry").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(retried.path("aggregatesProcessed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retried.path("stillParked").asLong()).isZero();
        admin.get().uri("/actuator/health").exchange().expectStatus().isOk();
        RestTestClient yamagata = client(TestTokens.of(new Actor("yamagata", Role.MUNICIPAL_VIEWER, YAMAGATA, null)));
        assertThat(get(yamagata, "/municipalities/062014/plans/p/progress/annual").path("items").path(0)
                .path("years").toString()).contains("\"target\":12", "\"target\":14");
    }

    /** A registered city with a plan of one item, its indicator and a target of 10 for FY2023. */
    private void planWithTarget(MunicipalityCode city, String name, long first) {
        StoredEvents.append("Municipality", city.value(), first,
                List.of(new MunicipalityRegistered(city, name, "City")));
        StoredEvents.append("Plan", city.value() + ":plan:p", 0, List.of(
                new PlanAdopted(city, PlanId.of("p"), "産業振興計画", FiscalYear.of(2023), FiscalYear.of(2026)),
                new PlanItemAdded(city, PlanId.of("p"), ItemId.of("a"), null, new PlanItemContent("1", "創業支援",
                        List.of("産業振興課"),
                        null, null, null, null, null)),
                new IndicatorDefined(city, PlanId.of("p"), ItemId.of("a"), "創業件数", "件", null, null),
                new AnnualTargetSet(city, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023), BigDecimal.TEN, "件",
                        null)));
    }

    /** An event written straight into the store, as no command would write it. */
    private void insertBelowTheApi(String eventId, String aggregate, long sequence, String payload) throws Exception {
        try (Connection connection = TestInfrastructure.postgres().connect();
                PreparedStatement insert = connection.prepareStatement(
                "insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                        + "type, recorded_at, payload_type, payload_revision, payload, meta_data) "
                        + "values (?, ?, ?, 'Plan', ?, 'AnnualTargetSet', '1', ?, '{}'::bytea)")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    /** Fixes the cause: the stored bytes (and the parked copy of them) are made whole, below the API again. */
    private void repair(String eventId, String payload) throws Exception {
        try (Connection connection = TestInfrastructure.postgres().connect();
                Statement replica = connection.createStatement()) {
            replica.execute("set session_replication_role = replica");
            for (String table : List.of("event_store.domain_event_entry", "query.dead_letter_entry")) {
                try (PreparedStatement update = connection.prepareStatement("update " + table
                        + " set payload = ? where event_identifier = ?")) {
                    update.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
                    update.setString(2, eventId);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
            }
            replica.execute("set session_replication_role = origin");
        }
    }

    private static JsonNode get(RestTestClient client, String uri) {
        return JSON.readTree(await().atMost(Duration.ofSeconds(30)).until(() -> client.get().uri(uri).exchange()
                .returnResult(String.class), result -> result.getStatus().value() == 200).getResponseBody());
    }

    private RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
