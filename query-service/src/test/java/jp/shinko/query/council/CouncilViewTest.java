package jp.shinko.query.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A council meeting read back as an auditor needs it: the table presented to the council reopened
 * exactly as it was at the instant it was pinned to, though the city changed it afterwards; the
 * opinions with the city's responses; the fiscal year closed at that meeting; and nothing of it
 * before it was recorded.
 */
@QueryServiceTest
class CouncilViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theTablePresentedToTheCouncilIsReopenedAsTheCouncilSawIt() {
        MunicipalityCode code = MunicipalityCode.of("07203" + MunicipalityCode.checkDigit("07203"));
        RestTestClient admin = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        send(admin.post().uri("/municipalities"), Map.of("code", code.value(), "name", "会津若松市",
                "romanisedName", "Aizuwakamatsu"), 201);
        RestTestClient clerk = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, code, null))).build();
        String city = "/municipalities/" + code.value();
        String plan = city + "/plans/p";
        send(clerk.post().uri(city + "/plans"), Map.of("id", "p", "name", "商工業振興プラン", "fromFiscalYear", "R5",
                "toFiscalYear", "R6"), 201);
        send(clerk.post().uri(plan + "/items"), Map.of("id", "a", "content", Map.of("number", "1", "title", "創業塾",
                "responsibleOrganisations", List.of("商工観光課"))), 201);
        send(clerk.put().uri(plan + "/items/a/indicator"), Map.of("name", "参加者数", "unit", "人"), 200);
        send(clerk.put().uri(plan + "/items/a/annual-actuals/R5"), Map.of("value", 11, "unit", "人"), 200);
        Instant beforeTheMeeting = Instant.now();
        Instant presented = Instant.now();
        send(clerk.put().uri(city + "/council-meetings/shingikai-2024-1"), Map.of("fiscalYear", "R5",
                "council", "産業振興審議会", "heldOn", "2024-06-20", "title", "令和6年度第1回",
                "documents", List.of(Map.of("title", "資料2 進捗状況まとめ", "table", "annual", "planId", "p",
                        "fiscalYear", "R5", "pinnedAt", presented.toString()))), 200);
        send(clerk.put().uri(city + "/council-meetings/shingikai-2024-1/opinions/1"), Map.of(
                "opinion", "周知・集客の方法を見直すこと", "response", "SNSでの周知を始めます"), 200);
        send(clerk.put().uri(plan + "/items/a/annual-actuals/R5"), Map.of("value", 14, "unit", "人"), 200);
        send(clerk.post().uri(plan + "/fiscal-years/R5/close"), Map.of("councilMeetingId", "shingikai-2024-1"), 200);
        RestTestClient auditor = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("auditor", Role.AUDITOR, null, null))).build();

        JsonNode meeting = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> get(auditor, city + "/council-meetings").path("meetings"), meetings -> meetings.size() == 1)
                .get(0);

        assertThat(meeting.path("fiscalYearJapanese").asString()).isEqualTo("令和5年度");
        assertThat(meeting.path("heldOn").asString()).isEqualTo("2024-06-20");
        assertThat(meeting.path("opinions").get(0).path("response").asString()).isEqualTo("SNSでの周知を始めます");
        JsonNode document = meeting.path("documents").get(0);
        assertThat(document.path("tableJapanese").asString()).isEqualTo("年間目標・実績");
        String reopen = document.path("reopen").asString();
        assertThat(reopen).isEqualTo(plan + "/progress/annual?fiscalYear=2023&asOf=" + presented);
        assertThat(get(auditor, reopen).path("items").get(0).path("years").get(0).path("actual").asInt())
                .as("what the council saw").isEqualTo(11);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(auditor, plan + "/progress/annual?fiscalYear=R5")
                .path("items").path(0).path("years").path(0).path("actual").asInt() == 14);
        // the closing is the last event recorded: the plan's row may show it a moment after the actual
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> get(auditor, plan).path("closedFiscalYears"),
                closed -> closed.size() == 1).get(0).path("councilMeetingId").asString()).isEqualTo("shingikai-2024-1");
        assertThat(get(auditor, city + "/council-meetings?asOf=" + beforeTheMeeting).path("meetings")).isEmpty();
        auditor.get().uri(city + "/council-meetings/another").exchange().expectStatus().isNotFound();
    }

    private static JsonNode get(RestTestClient client, String path) {
        return JSON.readTree(client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private static void send(RestTestClient.RequestBodySpec request, Object body, int status) {
        request.contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isEqualTo(status);
    }
}
