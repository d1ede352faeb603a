package jp.shinko.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an editor could send to break the records or the views of others, each answered with a
 * 4xx problem naming the field, and nothing stored. Codes here are Niigata's (15): 151009.
 */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String CODE = "151009";
    private static final String PLAN = "/municipalities/" + CODE + "/plans/p";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String editor;

    @BeforeAll
    void registerWithAPlan() throws Exception {
        assertThat(send(TestTokens.admin(), "POST", "/municipalities",
                "{\"code\":\"" + CODE + "\",\"name\":\"新潟市\",\"romanisedName\":\"Niigata\"}").statusCode())
                .isEqualTo(201);
        editor = TestTokens.of(new Actor("niigata", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CODE), null));
        assertThat(send(editor, "POST", "/municipalities/" + CODE + "/plans",
                "{\"id\":\"p\",\"name\":\"計画\",\"fromFiscalYear\":\"R5\",\"toFiscalYear\":\"R8\"}").statusCode())
                .isEqualTo(201);
        assertThat(send(editor, "POST", PLAN + "/items", "{\"id\":\"a\",\"content\":{\"number\":\"1\","
                + "\"title\":\"創業塾\",\"responsibleOrganisations\":[\"商工振興課\"]}}").statusCode()).isEqualTo(201);
        assertThat(send(editor, "PUT", PLAN + "/items/a/indicator", "{\"name\":\"参加者数\",\"unit\":\"人\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedWhereverANumberIsTaken() throws Exception {
        long before = events();
        refused("PUT", "/municipalities/" + CODE + "/rating-scheme", "{\"fromFiscalYear\":\"R5\",\"bands\":["
                + "{\"label\":\"A\",\"minimumPercent\":1e10000},{\"label\":\"B\"}]}", 400, "bands[0].minimumPercent");
        refused("PUT", "/municipalities/" + CODE + "/rating-scheme", "{\"fromFiscalYear\":\"R5\",\"bands\":["
                + "{\"label\":\"A\",\"minimumPercent\":100000},{\"label\":\"B\"}]}", 400, "bands[0].minimumPercent");
        refused("PUT", PLAN + "/kpis/k", "{\"name\":\"事業所数\",\"unit\":\"所\",\"baseline\":{\"value\":1e10000,"
                + "\"fromYear\":2021}}", 400, "baseline.value");
        refused("PUT", PLAN + "/kpis/k", "{\"name\":\"事業所数\",\"unit\":\"所\",\"baseline\":{\"value\":1,"
                + "\"fromYear\":2021},\"target\":{\"kind\":\"at-least\",\"value\":-1e20,\"byYear\":2030}}", 400,
                "target.value");
        refused("POST", PLAN + "/kpis/k/observations", "{\"figure\":{\"value\":1E+400,\"fromYear\":2022},"
                + "\"publishedOn\":\"2025-01-01\"}", 400, "figure.value");
        refused("PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":0.00001,\"unit\":\"人\"}", 400, "value");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void controlCharactersLoneSurrogatesAndBrokenUtf8AreRefusedAndTextIsKeptInNfc() throws Exception {
        long before = events();
        refused("POST", PLAN + "/items", "{\"id\":\"b\",\"content\":{\"number\":\"2\",\"title\":\"A\\u0000B\","
                + "\"responsibleOrganisations\":[\"商工振興課\"]}}", 400, "content.title");
        refused("POST", PLAN + "/items", "{\"id\":\"b\",\"content\":{\"number\":\"2\",\"title\":\"A\\ud800B\","
                + "\"responsibleOrganisations\":[\"商工振興課\"]}}", 400, "content.title");
        refused("POST", PLAN + "/items/a/move", "{\"number\":\"1\\u0007\"}", 400, "number");
        refused("PUT", PLAN + "/items/a/period-status/R5/1", "{\"organisation\":\"商工振興課\",\"symbol\":\"○\","
                + "\"reasonCode\":\"2\\n\"}", 400, "reasonCode");
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"id\":\"b\",\"content\":{\"number\":\"2\",\"title\":\"X"
                .getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // the overlong two-byte form of '/'
        overlong.writeBytes("\",\"responsibleOrganisations\":[\"商工振興課\"]}}".getBytes(StandardCharsets.UTF_8));
        assertThat(sendBytes(editor, "POST", PLAN + "/items", overlong.toByteArray()).statusCode()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);

        String decomposed = "か\u3099ッコウ"; // が written as か + combining voiced mark
        assertThat(send(editor, "PUT", PLAN + "/items/a/period-status/R5/1", "{\"organisation\":\"商工振興課\","
                + "\"symbol\":\"○\",\"remark\":\"" + decomposed + "\\n二行目\\t表\"}").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'remark' from "
                        + "event_store.domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type = 'PeriodStatusRecorded' order by global_index desc limit 1")
                .param(CODE + ":plan:p").query(String.class).single()).isEqualTo("がッコウ\n二行目\t表");
    }

    @Test
    void requestBodiesAreReadStrictly() throws Exception {
        long before = events();
        refused("POST", PLAN + "/items", "{\"id\":\"b\",\"parentItemId\":123,\"content\":{\"number\":\"2\","
                + "\"title\":\"B\",\"responsibleOrganisations\":[\"商工振興課\"]}}", 400, "parentItemId");
        refused("PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":5,\"value\":6,\"unit\":\"人\"}", 400,
                "value");
        refused("PUT", "/municipalities/" + CODE + "/reporting-deadlines",
                "{\"quarterlyStatusDays\":0.5,\"annualActualDays\":90}", 400, "quarterlyStatusDays");
        refused("PUT", "/municipalities/" + CODE + "/reporting-deadlines",
                "{\"quarterlyStatusDays\":\"30\",\"annualActualDays\":90}", 400, "quarterlyStatusDays");
        refused("PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":5,\"unit\":\"人\",\"rating\":\"S\"}", 400,
                "rating");
        refused("PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":\"5\",\"unit\":\"人\"}", 400, "value");
        refused("PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":5,\"unit\":\"人\",\"expectedVersion\":-1}",
                400, "expectedVersion");
        assertThat(send(editor, "PUT", PLAN + "/items/a/annual-targets/R5", "{\"value\":5,\"unit\":\"人\"} {}")
                .statusCode()).isEqualTo(400);
        assertThat(send(editor, "PUT", PLAN + "/items/a/annual-targets/R5", "[".repeat(5000)).statusCode())
                .isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void textAndListsAreBoundedAndSoIsTheBody() throws Exception {
        long before = events();
        refused("PUT", "/municipalities/" + CODE + "/rating-scheme", "{\"fromFiscalYear\":\"R5\",\"bands\":["
                + "{\"label\":\"" + "A".repeat(11) + "\",\"minimumPercent\":90},{\"label\":\"B\"}]}", 400,
                "bands[0].label");
        refused("PUT", "/municipalities/" + CODE + "/status-legend", "{\"symbols\":[{\"symbol\":\"○\",\"meaning\":\""
                + "あ".repeat(5000) + "\"}]}", 400, "symbols[0].meaning");
        refused("POST", PLAN + "/items", "{\"id\":\"b\",\"content\":{\"number\":\"2\",\"title\":\"B\","
                + "\"responsibleOrganisations\":[" + "\"課\",".repeat(30) + "\"課\"]}}", 400,
                "responsibleOrganisations");

        HttpResponse<String> huge = send(editor, "PUT", PLAN + "/items/a/narratives/R5",
                "{\"results\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(huge.body()).path("type").asString()).isEqualTo("urn:shinko:problem:body-too-large");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWholeTableMayBeLargerThanOtherRequests() throws Exception {
        StringBuilder table = new StringBuilder("{\"items\":[");
        String remark = "あ".repeat(2000);
        for (int item = 0; item < 21; item++) {
            table.append(item == 0 ? "" : ",").append("{\"itemId\":\"").append(item == 0 ? "a" : "none-" + item)
                    .append("\",\"entries\":[");
            for (int row = 0; row < 16; row++) {
                table.append(row == 0 ? "" : ",").append("{\"kind\":\"status\",\"fiscalYear\":\"")
                        .append(2023 + row / 4).append("\",\"quarter\":\"").append(1 + row % 4)
                        .append("\",\"organisation\":\"商工振興課\",\"symbol\":\"○\",\"remark\":\"")
                        .append(remark).append("\"}");
            }
            table.append("]}");
        }
        String body = table.append("]}").toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1024 * 1024);

        HttpResponse<String> answer = send(editor, "POST", PLAN + "/progress", body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("itemsRecorded").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestThatCouldNotBeAnsweredOrReadAsSentIsRefusedBeforeAnythingRuns() throws Exception {
        long before = events();
        String target = PLAN + "/items/a/annual-targets/R6";
        String body = "{\"value\":5,\"unit\":\"人\"}";
        assertProblem(sendWith(editor, "PUT", target, body.getBytes(StandardCharsets.UTF_8), "Accept",
                "application/xml"), 406, "urn:shinko:problem:not-acceptable");
        assertProblem(sendWith(editor, "PUT", target, "value: 5\nunit: 人\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/yaml"), 415, "urn:shinko:problem:unsupported-media-type");
        assertProblem(sendWith(editor, "PUT", target, body.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json; charset=ISO-8859-1"), 400, "urn:shinko:problem:malformed-request");
        assertProblem(sendBytes(editor, "PUT", target, body.getBytes(StandardCharsets.UTF_16LE)), 400,
                "urn:shinko:problem:malformed-request");
        assertProblem(sendBytes(editor, "PUT", target, (body + "\u0000").getBytes(StandardCharsets.UTF_8)), 400,
                "urn:shinko:problem:malformed-request");
        assertProblem(sendWith(editor, "PUT", target, body.getBytes(StandardCharsets.UTF_8), "Content-Encoding",
                "gzip"), 415, "urn:shinko:problem:unsupported-media-type");
        assertProblem(sendWith(editor, "PUT", target, body.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", "one",
                "Idempotency-Key", "two"), 400, "urn:shinko:problem:malformed-request");
        assertProblem(sendWith(editor, "PUT", target + "?a=%FF", body.getBytes(StandardCharsets.UTF_8)), 400,
                "urn:shinko:problem:invalid-request");
        assertProblem(sendWith(editor, "PATCH", target, body.getBytes(StandardCharsets.UTF_8)), 405,
                "urn:shinko:problem:method-not-allowed");
        refused("POST", PLAN + "/items", "{\"id\":\"b\",\"content\":{\"number\":\"2\",\"title\":\"A\u202EB\","
                + "\"responsibleOrganisations\":[\"商工振興課\"]}}", 400, "content.title");
        refused("PUT", PLAN + "/kpis/k", "{\"name\":\"事業所数\",\"unit\":\"所\",\"baseline\":{\"value\":1,"
                + "\"fromYear\":2021},\"target\":{\"kind\":\"sign\",\"positive\":true,\"value\":5,\"byYear\":2030}}",
                400, "target.value");
        refused("POST", PLAN + "/kpis/k/observations", "{\"figure\":{\"value\":1,\"fromYear\":2022},"
                + "\"publishedOn\":\"0000-01-01\"}", 400, "publishedOn");
        HttpResponse<String> table = send(editor, "POST", PLAN + "/progress", "{\"items\":[{\"itemId\":\"a\","
                + "\"entries\":[{\"kind\":\"target\",\"fiscalYear\":\"R6\",\"value\":5,\"unit\":\"人\","
                + "\"symbol\":\"○\"}]}]}");
        assertThat(table.statusCode()).isEqualTo(422);
        assertThat(json.readTree(table.body()).path("items").path(0).path("problem").path("errors").path(0)
                .path("field").asString()).isEqualTo("items[0].entries[0].symbol");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aYearIsClosedOnlyOnceItIsOverAndReportedWithinIt() throws Exception {
        assertThat(send(editor, "POST", "/municipalities/" + CODE + "/plans", "{\"id\":\"long\",\"name\":\"長期計画\","
                + "\"fromFiscalYear\":\"2023\",\"toFiscalYear\":\"2052\"}").statusCode()).isEqualTo(201);
        long before = events();
        HttpResponse<String> notOver = send(editor, "POST", "/municipalities/" + CODE + "/plans/long/fiscal-years/"
                + "2052/close", "{}");
        assertThat(notOver.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notOver.body()).path("field").asString()).isEqualTo("fiscalYear");
        HttpResponse<String> early = send(editor, "POST", PLAN + "/fiscal-years/R5/close",
                "{\"councilReportedOn\":\"2023-01-10\"}");
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(json.readTree(early.body()).path("field").asString()).isEqualTo("councilReportedOn");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTokenNamingSomeoneNoRecordCouldHoldIsRefused() throws Exception {
        String tooLong = TestTokens.of(new Actor("s".repeat(300), Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CODE),
                null));
        HttpResponse<String> answer = sendWith(tooLong, "PUT", PLAN + "/items/a/annual-targets/R6",
                "{\"value\":5,\"unit\":\"人\"}".getBytes(StandardCharsets.UTF_8), "Idempotency-Key", "long-subject");
        assertProblem(answer, 401, "urn:shinko:problem:unauthenticated");
        assertProblem(sendWith(TestTokens.of(Actor.of("operator", Role.METRO_ANALYST)), "POST",
                "/admin/relay/republish", new byte[0]), 403, "urn:shinko:problem:forbidden");
        HttpResponse<String> farFuture = sendWith(TestTokens.admin(), "POST",
                "/admin/relay/republish?from=%2B999999999-12-31T23:59:59Z", new byte[0]);
        assertProblem(farFuture, 400, "urn:shinko:problem:invalid-request");
        assertThat(json.readTree(farFuture.body()).path("errors").path(0).path("field").asString()).isEqualTo("from");
    }

    private void assertProblem(HttpResponse<String> answer, int status, String type) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(contentType ->
                assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(answer.body()).path("type").asString()).as(answer.body()).isEqualTo(type);
    }

    private HttpResponse<String> sendWith(String token, String method, String path, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equals("Content-Type");
        }
        if (!typed) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHeaderLongerThanTomcatTakesIsAProblemNotAnHtmlPage() throws Exception {
        String answer = raw("GET /municipalities HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/problem+json").contains("urn:shinko:problem:malformed-request")
                .doesNotContain("<html");
    }

    @Test
    void theResourceMetadataNamesTheConfiguredAddressNotTheCallersHostAndOnlyWhatIsEnforced() throws Exception {
        HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/.well-known/oauth-protected-resource")).header("X-Forwarded-Host", "evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        String raw = raw("GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");

        JsonNode about = json.readTree(metadata.body());
        assertThat(about.path("resource").asString()).doesNotContain("evil");
        assertThat(raw).doesNotContain("evil.example");
        assertThat(about.path("tls_client_certificate_bound_access_tokens").asBoolean(false)).isFalse();
        assertThat(about.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        String challenge = raw("GET /municipalities HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(challenge).startsWith("HTTP/1.1 401").doesNotContain("evil.example");
    }

    private void refused(String method, String path, String body, int status, String field) throws Exception {
        HttpResponse<String> answer = send(editor, method, path, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode problem = json.readTree(answer.body());
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(problem.path("errors").path(0).path("field").asString()).as(answer.body()).isEqualTo(field);
    }

    private long events() {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ?")
                .param(CODE).query(Long.class).single();
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return sendBytes(token, method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> sendBytes(String token, String method, String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request written byte for byte, as no HTTP client library would send it. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
