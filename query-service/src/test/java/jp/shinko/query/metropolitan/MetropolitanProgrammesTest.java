package jp.shinko.query.metropolitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.DemoData;
import jp.shinko.query.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 003 entered through the API as the demo enters it, read back as the seed prints it: 東京都's
 * programmes with their targets and actuals, the four joint projects with their lead, partners,
 * bodies and results; a city reads exactly the projects it takes part in, and nothing of the
 * others; every answer as of an instant before a later report.
 */
@QueryServiceTest
class MetropolitanProgrammesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKYO = "/municipalities/130001";
    private static final Path SEED = Path.of("..", "shared-events", "src", "test", "resources", "seeds",
            "003_b6710af38be526f8.txt");

    private static boolean entered;
    private static Instant enteredAt;

    @LocalServerPort
    int port;

    @Autowired
    StoredPositions positions;

    RestTestClient analyst;

    @BeforeEach
    void enterSeed003Once() {
        analyst = reader(Actor.of("analyst", Role.METRO_ANALYST));
        synchronized (MetropolitanProgrammesTest.class) {
            if (entered) {
                return;
            }
            DemoData.enterOnce(port, positions); // the seed cities first, as the demo registers them
            RestTestClient admin = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
            for (Map<String, String> municipality : SeedLoader.metropolitanMunicipalities()) {
                admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "seed-003-register-" + municipality.get("code")).body(municipality)
                        .exchange().expectStatus().value(status -> assertThat(status).isIn(201, 409));
            }
            new SeedLoader(CommandServiceProcess.baseUrl(), code -> TestTokens.of(
                    MunicipalityCode.of(code).isPrefecture() ? Actor.of("tomoko", Role.METRO_EDITOR)
                            : new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null)))
                    .loadMetropolitan();
            enteredAt = Instant.now();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(analyst, TOKYO
                    + "/joint-projects").path("totalProjects").asInt() == 4);
            entered = true;
        }
    }

    @Test
    void theFourProjectsComeBackAsTheSeedPrintsThem() throws Exception {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        JsonNode projects = get(analyst, TOKYO + "/joint-projects").path("projects");

        assertThat(projects.valueStream().map(project -> project.path("title").asString()))
                .containsExactly("武蔵五日市駅前拠点施設を核とする秋川流域の魅力と回遊性の向上、交流人口・関係人口の創出",
                        "広域連携による共通プラットフォームを活用した情報発信事業",
                        "TOKYO広域連携事業 ひきこもり・生きづらさをかかえる女性支援事業",
                        "新たなコミュニティの創出に向けた地域連携イベントによる地域活性化プロジェクト");
        assertThat(projects.valueStream().map(project -> project.path("fiscalYear").path("japanese").asString()))
                .containsExactly("令和6年度", "令和6年度", "令和7年度", "令和8年度");
        assertThat(projects.valueStream().map(project -> project.path("leadMunicipality").path("name").asString()))
                .containsExactly("あきる野市", "調布市", "昭島市", "東久留米市");
        assertThat(projects.valueStream().map(project -> project.path("partnerMunicipalities").size()))
                .as("the platform has 17 cities, Akishima's project 8").containsExactly(2, 16, 7, 1);
        for (JsonNode project : projects) {
            List<String> printed = new ArrayList<>(List.of(project.path("title").asString(),
                    project.path("purpose").asString()));
            project.path("partnerMunicipalities").forEach(city -> printed.add(city.path("name").asString()));
            project.path("partnerBodies").forEach(body -> printed.add(body.path("name").asString()));
            project.path("results").forEach(result -> printed.add(result.path("results").asString()));
            assertThat(printed).allSatisfy(text -> assertThat(seed.replace("**", "").replaceAll("\\s+", ""))
                    .contains(text.replaceAll("\\s+", "")));
            assertThat(project.path("programme").path("title").asString()).isEqualTo("多様な主体との連携活動促進支援事業");
            assertThat(project.path("subsidyYears").size()).as("補助期間 最長3年間").isEqualTo(3);
        }
        JsonNode platform = projects.get(1).path("results").get(0);
        assertThat(platform.path("figures").get(0).path("value").asInt()).isEqualTo(339);
        assertThat(platform.path("lead").asBoolean()).isTrue();
        assertThat(projects.get(3).path("partnerBodies").valueStream().map(body -> body.path("kindJapanese")
                .asString())).containsExactly("商工会議所・商工会", "商工会議所・商工会", "観光協会");
    }

    @Test
    void aCityReadsExactlyTheProjectsItTakesPartInAndNoOther() {
        RestTestClient akiruno = reader(new Actor("viewer", Role.MUNICIPAL_VIEWER, MunicipalityCode.of("132284"),
                null));
        JsonNode joined = get(akiruno, "/municipalities/132284/joint-projects").path("projects");
        assertThat(joined.valueStream().map(project -> project.path("projectId").asString() + ":"
                + project.path("participation").asString())).containsExactly("r6-akigawa:lead", "r6-platform:partner");

        RestTestClient kiyose = reader(new Actor("viewer", Role.MUNICIPAL_VIEWER, MunicipalityCode.of("132217"),
                null));
        assertThat(get(kiyose, "/municipalities/132217/joint-projects").path("projects").valueStream()
                .map(project -> project.path("projectId").asString())).containsExactly("r8-higashikurume-kiyose");
        kiyose.get().uri(TOKYO + "/joint-projects/r7-hikikomori").exchange().expectStatus().isForbidden();
        kiyose.get().uri(TOKYO + "/joint-projects/no-such-project").exchange().expectStatus().isForbidden();
        kiyose.get().uri(TOKYO + "/joint-projects").exchange().expectStatus().isForbidden();
        kiyose.get().uri("/municipalities/132284/joint-projects").exchange().expectStatus().isForbidden();
        assertThat(get(kiyose, TOKYO + "/joint-projects/r8-higashikurume-kiyose").path("leadMunicipality")
                .path("name").asString()).isEqualTo("東久留米市");
        analyst.get().uri(TOKYO + "/joint-projects/no-such-project").exchange().expectStatus().isNotFound();
    }

    @Test
    void theFourProgrammesAreTheItemsOfTokyosPlan() {
        JsonNode plan = get(analyst, TOKYO + "/plans/tmg-renraku-2026");
        assertThat(plan.path("items").valueStream().map(item -> item.path("title").asString()))
                .containsExactly("多様な主体との連携活動促進支援事業", "まちづくり推進コンシェルジュ", "多摩の魅力発信プロジェクト",
                        "多摩島しょ移住定住促進事業");
    }

    @Test
    void aSubsidyDecidedIsShownOnTheProjectAndInTheTotalsOfItsProgrammeAndYear() {
        RestTestClient metro = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(Actor.of("tomoko",
                        Role.METRO_EDITOR))).build();
        metro.put().uri(TOKYO + "/joint-projects/r8-higashikurume-kiyose/subsidies/R8")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("eligibleCostYen", 12_000_000)).exchange()
                .expectStatus().isOk();

        JsonNode totals = await().atMost(Duration.ofSeconds(30)).until(() -> get(analyst, TOKYO
                + "/subsidy-totals?fiscalYear=R8"), answer -> answer.path("totals").size() == 1);
        assertThat(totals.path("totals").get(0).path("grantYen").asLong()).as("2/3 of ¥12,000,000")
                .isEqualTo(8_000_000L);
        assertThat(totals.path("totals").get(0).path("programme").path("title").asString())
                .isEqualTo("多様な主体との連携活動促進支援事業");
        JsonNode project = get(analyst, TOKYO + "/joint-projects/r8-higashikurume-kiyose");
        assertThat(project.path("subsidyTotalYen").asLong()).isEqualTo(8_000_000L);
        assertThat(project.path("subsidies").get(0).path("projectYear").asInt()).isEqualTo(1);
        String csv = new String(analyst.get().uri(TOKYO + "/subsidy-totals.csv").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("補助金額（円）", "令和8年度", "8000000");
    }

    @Test
    void theProjectsAndTheProgrammeTableAreExportedWithJapaneseHeadings() {
        String csv = new String(analyst.get().uri(TOKYO + "/joint-projects.csv?fiscalYear=R6").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("採択年度", "事業名", "代表市", "連携自治体", "多様な主体", "実績")
                .contains("調布市", "登録企業339社").doesNotContain("ひきこもり");
        analyst.get().uri(TOKYO + "/joint-projects.xlsx").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        JsonNode table = get(analyst, TOKYO + "/plans/tmg-renraku-2026/progress/annual?fiscalYear=R8").path("items");
        assertThat(table.valueStream().filter(row -> row.path("title").asString().equals("大学生を対象とした市町村事業のPR"))
                .findFirst().orElseThrow().path("years").get(0).path("target").asInt()).isEqualTo(10);
        assertThat(table.valueStream().filter(row -> row.path("title").asString().equals("移住・定住促進市町村支援事業"))
                .findFirst().orElseThrow().path("years").get(0).path("target").asLong()).isEqualTo(100_000_000L);
    }

    @Test
    void theDesksCasesComeBackAndACityReadsNoneThatIsNotItsOwn() {
        JsonNode cases = get(analyst, TOKYO + "/consultations").path("cases");
        assertThat(cases.valueStream().map(found -> found.path("kindOfHelp").asString()))
                .containsExactly("財政支援へのつなぎ", "取組事例の紹介");
        assertThat(cases.get(0).path("question").asString()).startsWith("東京2020大会のレガシーとして整備予定のカフェ");
        assertThat(cases.get(0).has("municipality")).as("the seed names none").isFalse();

        RestTestClient akiruno = reader(new Actor("viewer", Role.MUNICIPAL_VIEWER, MunicipalityCode.of("132284"),
                null));
        assertThat(get(akiruno, "/municipalities/132284/consultations").path("cases")).isEmpty();
        akiruno.get().uri(TOKYO + "/consultations/zaisei-tsunagi").exchange().expectStatus().isForbidden();
    }

    /** 日の出町 takes part in the Akigawa project and not in Akishima's: its plan may name only the first. */
    @Test
    void aCityItemNamesTheProjectItBelongsToAndTheProjectShowsTheItem() {
        RestTestClient hinode = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of("133051"), null))).build();
        String plan = "/municipalities/133051/plans/kanko-test";
        hinode.post().uri("/municipalities/133051/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "kanko-test", "name", "観光振興計画", "fromFiscalYear", "R6", "toFiscalYear", "R8"))
                .exchange().expectStatus().value(status -> assertThat(status).isIn(201));
        Map<String, Object> akigawa = Map.of("keeper", "130001", "projectId", "r6-akigawa");
        Map<String, Object> hikikomori = Map.of("keeper", "130001", "projectId", "r7-hikikomori");
        hinode.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "a",
                "content", Map.of("number", "1", "title", "秋川流域の回遊性の向上", "responsibleOrganisations", List.of(),
                        "partOf", List.of(hikikomori)))).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("content.partOf[0].projectId");
        hinode.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "a",
                "content", Map.of("number", "1", "title", "秋川流域の回遊性の向上", "responsibleOrganisations", List.of(),
                        "partOf", List.of(akigawa, Map.of("keeper", "130001", "programme",
                                Map.of("planId", "tmg-renraku-2026", "itemId", "renkei"))))))
                .exchange().expectStatus().isCreated();

        JsonNode project = await().atMost(Duration.ofSeconds(30)).until(() -> get(analyst, TOKYO
                + "/joint-projects/r6-akigawa"), found -> found.path("linkedItems").size() == 1);
        assertThat(project.path("linkedItems").get(0).path("title").asString()).isEqualTo("秋川流域の回遊性の向上");
        assertThat(project.path("linkedItems").get(0).path("municipalityName").asString()).isEqualTo("日の出町");
        JsonNode item = get(analyst, plan + "/items/a");
        assertThat(item.path("partOf").valueStream().map(link -> link.path("projectId").asString("")
                + link.path("programme").path("itemId").asString(""))).containsExactly("r6-akigawa", "renkei");
    }

    @Test
    void aPartnersLaterReportIsNotInTheProjectAsOfBefore() {
        RestTestClient hinode = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of("133051"), null))).build();
        hinode.put().uri(TOKYO + "/joint-projects/r6-akigawa/results/R7/133051")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("results", "町内の観光案内所で連携パンフレットを配布"))
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> get(analyst, TOKYO + "/joint-projects/r6-akigawa")
                .path("results").size() == 2);
        JsonNode before = get(analyst, TOKYO + "/joint-projects/r6-akigawa?asOf=" + enteredAt);
        assertThat(before.path("results").valueStream().map(result -> result.path("part").path("name").asString()))
                .containsExactly("あきる野市");
    }

    private RestTestClient reader(Actor actor) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(actor)).build();
    }

    private static JsonNode get(RestTestClient client, String path) {
        return JSON.readTree(client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }
}
