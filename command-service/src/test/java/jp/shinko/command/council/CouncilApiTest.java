package jp.shinko.command.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The council's year through the REST API on real PostgreSQL: a meeting with the tables presented
 * to it pinned to recorded instants, opinions and the city's responses, and a fiscal year closed
 * after the meeting that reviewed it; each broken rule a 4xx naming the field, nothing stored.
 * Codes here are Yamanashi's (19), which no other test uses for plans.
 */
@CommandServiceTest
class CouncilApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aMeetingIsRecordedWithItsPinnedTablesAndOpinionsAndClosesTheYearItReviewed() {
        String code = registerWithAPlan("19205");
        Map<String, Object> meeting = meeting(Instant.now().toString());
        send(client.put(), code, "/council-meetings/shingikai-2024-1", meeting).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        send(client.put(), code, "/council-meetings/shingikai-2024-1", meeting).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);
        Map<String, Object> retitled = new HashMap<>(meeting);
        retitled.put("title", "令和6年度第2回");
        send(client.put(), code, "/council-meetings/shingikai-2024-1", retitled).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("correctionReason");

        String opinion = "/council-meetings/shingikai-2024-1/opinions/1";
        send(client.put(), code, opinion, Map.of("opinion", "周知・集客の方法を見直すこと")).expectStatus().isOk();
        send(client.put(), code, "/council-meetings/shingikai-2024-1/opinions/2", Map.of("opinion",
                "一、事業承継の周知について\n二、創業塾の集客について")).expectStatus().isOk();
        send(client.put(), code, opinion, Map.of("opinion", "周知・集客の方法を見直すこと",
                "response", "SNSでの周知を始めます")).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);
        send(client.put(), code, opinion, Map.of("opinion", "周知・集客の方法を見直すこと", "response", "別の回答"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("correctionReason");
        send(client.put(), code, "/council-meetings/unknown/opinions/1", Map.of("opinion", "意見"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("meetingId");

        send(client.post(), code, "/plans/p/fiscal-years/R6/close", Map.of("councilMeetingId", "shingikai-2024-1"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("councilMeetingId");
        send(client.post(), code, "/plans/p/fiscal-years/R5/close", Map.of("councilMeetingId", "shingikai-2024-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        send(client.post(), code, "/plans/p/fiscal-years/R5/close", Map.of("councilMeetingId", "shingikai-2024-1"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);
        send(client.post(), code, "/plans/p/fiscal-years/R5/close", Map.of("councilReportedOn", "2024-06-21"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.councilMeetingId")
                .isEqualTo("shingikai-2024-1");
        send(client.post(), code, "/plans/p/fiscal-years/R5/close", Map.of("councilMeetingId", "../x"))
                .expectStatus().isBadRequest();
        Map<String, Object> moved = new HashMap<>(meeting);
        moved.putAll(Map.of("heldOn", "2024-06-21", "correctionReason", "開催日の誤り"));
        send(client.put(), code, "/council-meetings/shingikai-2024-1", moved).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("heldOn").jsonPath("$.closedFiscalYear").isEqualTo(2023);

        assertThat(eventTypes(code)).containsExactly("PlanAdopted", "CouncilMeetingRecorded",
                "CouncilOpinionRecorded", "CouncilOpinionRecorded", "CouncilOpinionRecorded", "FiscalYearClosed");
        assertThat(payloadOf(code, "FiscalYearClosed")).isEqualTo("{\"municipalityCode\":\"" + code + "\","
                + "\"planId\":\"p\",\"fiscalYear\":2023,\"councilReportedOn\":\"2024-06-20\","
                + "\"councilMeetingId\":\"shingikai-2024-1\"}");
    }

    @Test
    void aDocumentPinnedToTheFutureOrToAnotherPlanIsRefusedAndNothingStored() {
        String code = registerWithAPlan("19206");
        String path = "/council-meetings/m";
        send(client.put(), code, path, meeting(Instant.now().plus(Duration.ofDays(1)).toString()))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:rule-violated")
                .jsonPath("$.field").isEqualTo("documents[0].pinnedAt");
        send(client.put(), code, path, meeting("2020-01-01T00:00:00+09:00")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("documents[0].pinnedAt")
                .jsonPath("$.planAdoptedAt").exists();
        Map<String, Object> otherPlan = meeting(Instant.now().toString());
        otherPlan.put("documents", List.of(Map.of("title", "資料1", "table", "plan", "planId", "other",
                "pinnedAt", Instant.now().toString())));
        send(client.put(), code, path, otherPlan).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("documents[0].planId");
        Map<String, Object> outside = meeting(Instant.now().toString());
        outside.put("documents", List.of(Map.of("title", "資料2", "table", "annual", "planId", "p",
                "fiscalYear", "R9", "pinnedAt", Instant.now().toString())));
        send(client.put(), code, path, outside).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("documents[0].fiscalYear");
        Map<String, Object> noYear = meeting(Instant.now().toString());
        noYear.put("documents", List.of(Map.of("title", "資料2", "table", "annual", "planId", "p",
                "pinnedAt", Instant.now().toString())));
        send(client.put(), code, path, noYear).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("documents[0].fiscalYear");
        Map<String, Object> before = meeting(Instant.now().toString());
        before.put("heldOn", "2023-03-31");
        send(client.put(), code, path, before).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("heldOn");
        Map<String, Object> notADay = meeting("yesterday");
        send(client.put(), code, path, notADay).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("documents[0].pinnedAt");

        assertThat(eventTypes(code)).containsExactly("PlanAdopted");
    }

    private static Map<String, Object> meeting(String pinnedAt) {
        return new HashMap<>(Map.of("fiscalYear", "R5", "council", "産業振興審議会", "heldOn", "2024-06-20",
                "title", "令和6年度第1回", "documents", List.of(Map.of("title", "資料2 進捗状況まとめ", "table", "annual",
                        "planId", "p", "fiscalYear", "R5", "pinnedAt", pinnedAt))));
    }

    private String registerWithAPlan(String firstFiveDigits) {
        String code = firstFiveDigits + MunicipalityCode.checkDigit(firstFiveDigits);
        client.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", "山梨県の市", "romanisedName", "Yamanashi"))
                .exchange().expectStatus().isCreated();
        send(client.post(), code, "/plans", Map.of("id", "p", "name", "商工業振興プラン", "fromFiscalYear", "R5",
                "toFiscalYear", "R6")).expectStatus().isCreated();
        return code;
    }

    private static RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec method, String code,
            String path, Object body) {
        return method.uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null)))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private List<String> eventTypes(String code) {
        return jdbc.sql("select payload_type from event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type <> 'MunicipalityRegistered' order by global_index").param(code)
                .query(String.class).list();
    }

    private String payloadOf(String code, String type) {
        return jdbc.sql("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where municipality_code = ? and payload_type = ?").param(code).param(type)
                .query(String.class).single();
    }
}
