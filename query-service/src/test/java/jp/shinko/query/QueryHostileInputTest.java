package jp.shinko.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.position.ProjectionPositions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a caller of the query API could send to get a 500, to hold a request thread, or to plant
 * a formula in a clerk's spreadsheet; each is a 4xx problem, or harmless. Akita's Yokote (05) is
 * this test's own.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryHostileInputTest {

    private static final MunicipalityCode YOKOTE = MunicipalityCode.of("052035");
    private static final String FORMULA = "=cmd|' /C calc'!A0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    StoredPositions stored;

    @Autowired
    ProjectionPositions positions;

    @BeforeAll
    void aPlanWhoseTitleLooksLikeAFormula() {
        StoredEvents.append("Municipality", YOKOTE.value(), 0,
                List.of(new MunicipalityRegistered(YOKOTE, "横手市", "Yokote")));
        StoredEvents.append("Plan", YOKOTE.value() + ":plan:p", 0, List.of(
                new PlanAdopted(YOKOTE, PlanId.of("p"), "横手市産業振興計画", FiscalYear.of(2023), FiscalYear.of(2026)),
                new PlanItemAdded(YOKOTE, PlanId.of("p"), ItemId.of("a"), null, new PlanItemContent("1", FORMULA,
                        List.of("-商工観光課"),
                        null, null, List.of("DX"), null, null)),
                new IndicatorDefined(YOKOTE, PlanId.of("p"), ItemId.of("a"), "件数", "件", null, null),
                new AnnualTargetSet(YOKOTE, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023), BigDecimal.TEN, "件",
                        null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.haveProcessed(stored.head()));
    }

    @Test
    void parametersThatOnceAnswered500AreRefusedOrHarmless() throws Exception {
        String analyst = TestTokens.of(Actor.of("analyst", Role.METRO_ANALYST));
        String table = "/municipalities/" + YOKOTE.value() + "/plans/p/progress/annual";
        assertThat(get(analyst, table + "?size=500&page=4294968").statusCode()).isEqualTo(200);
        assertThat(get(analyst, table + "?size=500&page=2147483647").statusCode()).isEqualTo(200);
        assertThat(get(analyst, table + "?page=99999999999").statusCode()).isEqualTo(400);
        for (String view : List.of("summary", "missing-reports", "focus-themes")) {
            assertThat(get(analyst, "/cross-city/" + view + "?asOf=").statusCode()).as(view).isEqualTo(200);
            assertThat(get(analyst, "/cross-city/" + view + "?asOf=+999999999-12-31T23:59:59Z").statusCode())
                    .as(view).isEqualTo(400);
        }
        HttpResponse<String> nul = get(analyst, "/cross-city/focus-themes?theme=%00");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(nul.body()).path("errors").path(0).path("field").asString()).isEqualTo("theme");
        assertThat(get(analyst, "/cross-city/focus-themes?theme=%ED%A0%80").statusCode()).isEqualTo(400);
        assertThat(get(analyst, table + "?waitForPosition=-1").statusCode()).isEqualTo(400);
        HttpResponse<String> notANumber = get(analyst, table + "?page=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).path("errors").path(0).path("field").asString()).isEqualTo("page");
        assertThat(notANumber.body()).doesNotContain("convert");
        assertThat(get(analyst, table.replace("annual", "changes") + "?from=0001-01-01").statusCode()).isEqualTo(400);
        HttpResponse<String> yaml = HTTP.send(request(analyst, "/municipalities/" + YOKOTE.value())
                .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(yaml.statusCode()).isEqualTo(406);
        assertThat(JSON.readTree(yaml.body()).path("type").asString()).isEqualTo("urn:shinko:problem:not-acceptable");
    }

    @Test
    void aTitleThatLooksLikeAFormulaIsNeutralisedInTheCsvAndKeptInTheJson() throws Exception {
        String viewer = TestTokens.of(new Actor("yokote", Role.MUNICIPAL_VIEWER, YOKOTE, null));
        HttpResponse<byte[]> csv = HTTP.send(request(viewer, "/municipalities/" + YOKOTE.value()
                + "/plans/p/progress/annual.csv").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> cells = cellsOf(text.substring(text.indexOf("\r\n") + 2, text.indexOf("\r\n",
                text.indexOf("\r\n") + 2)));
        assertThat(cells).contains("'" + FORMULA, "'-商工観光課").doesNotContain(FORMULA);

        HttpResponse<String> json = get(viewer, "/municipalities/" + YOKOTE.value() + "/plans/p/progress/annual");
        assertThat(JSON.readTree(json.body()).path("items").path(0).path("title").asString()).isEqualTo(FORMULA);
    }

    @Test
    void fiveHundredWaitingQueriesHoldNoThreadAndOneCallerHasABoundedNumber() throws Exception {
        String table = "/municipalities/" + YOKOTE.value() + "/plans/p/progress/annual?waitForPosition="
                + (stored.head() + 1_000_000);
        String greedy = TestTokens.of(new Actor("greedy", Role.MUNICIPAL_VIEWER, YOKOTE, null));
        List<CompletableFuture<HttpResponse<String>>> greedyWaits = send(greedy, table, 32);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingNow() == 32);
        HttpResponse<String> oneTooMany = get(greedy, table);
        assertThat(oneTooMany.statusCode()).isEqualTo(429);
        assertThat(oneTooMany.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(oneTooMany.body()).path("type").asString())
                .isEqualTo("urn:shinko:problem:too-many-waits");
        CompletableFuture.allOf(greedyWaits.toArray(CompletableFuture[]::new)).get();

        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int caller = 0; caller < 20; caller++) {
            waiting.addAll(send(TestTokens.of(new Actor("waiter-" + caller, Role.MUNICIPAL_VIEWER, YOKOTE, null)),
                    table, 25));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingNow() == 500);

        HttpResponse<String> health = get(null, "/actuator/health");

        assertThat(waiting).as("every query still waits while health is answered").noneMatch(CompletableFuture::isDone);
        assertThat(health.statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> answer : waiting) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().headers().firstValue("Shinko-Position-Reached")).hasValue("false");
        }
    }

    private List<CompletableFuture<HttpResponse<String>>> send(String token, String path, int times) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(HTTP.sendAsync(request(token, path).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return sent;
    }

    private long waitingNow() throws Exception {
        String metrics = get(TestTokens.admin(), "/actuator/prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("shinko_read_your_writes_waiting"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private static List<String> cellsOf(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(request(token, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
