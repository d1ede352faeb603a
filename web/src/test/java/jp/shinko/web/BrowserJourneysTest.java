package jp.shinko.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.QueryServiceProcess;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.web.asof.AsOfChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screens in a real browser (Debian's Chromium, headless, driven by Selenium), against the
 * real command and query services on the test PostgreSQL and Kafka: a person signs in at the
 * identity provider's page, sees what is overdue for their municipality and opens its plan; an
 * editor of another city is refused that plan; signing out is a form with its CSRF token.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's packages
 * {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the test infrastructure brings a resource server's security and JDBC along; the screens use neither
        properties = "spring.autoconfigure.exclude=jp.shinko.infra.security.ResourceServerAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class BrowserJourneysTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Cities of Yamanashi's (19), which only this test registers. */
    private static final String CITY = code("19201");
    private static final String OTHER_CITY = code("19202");

    private static Instant beforeTheCorrection;

    @LocalServerPort
    int port;

    WebDriver browser;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry properties) {
        properties.add("shinko.web.sign-in.issuer",
                () -> TestInfrastructure.identityProvider().issuer().toString());
        properties.add("shinko.web.command-service", () -> CommandServiceProcess.baseUrl().toString());
        properties.add("shinko.web.query-service", () -> QueryServiceProcess.baseUrl().toString());
    }

    @BeforeAll
    static void aCityWithAPlanWhoseActualIsOverdue() {
        RestTestClient admin = client(TestTokens.admin());
        for (String code : List.of(CITY, OTHER_CITY)) {
            admin.post().uri("/municipalities").header("Idempotency-Key", "web-" + code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", code, "name", code.equals(CITY) ? "試験市" : "隣の市", "romanisedName", "Shiken"))
                    .exchange().expectStatus().isCreated();
        }
        RestTestClient clerk = client(TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of(CITY), null)));
        String plan = "/municipalities/" + CITY + "/plans/shoko-2025";
        clerk.post().uri("/municipalities/" + CITY + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "shoko-2025", "name", "試験市商工業振興プラン", "fromFiscalYear", "R7",
                        "toFiscalYear", "R9")).exchange().expectStatus().isCreated();
        clerk.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "sogyo",
                "content", Map.of("number", "1", "title", "創業塾", "responsibleOrganisations", List.of("商工観光課"))))
                .exchange().expectStatus().isCreated();
        clerk.put().uri(plan + "/items/sogyo/indicator").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "参加者数", "unit", "人")).exchange().expectStatus().isOk();
        clerk.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "seminar",
                "content", Map.of("number", "2", "title", "事業承継セミナー", "responsibleOrganisations",
                        List.of("商工観光課")))).exchange().expectStatus().isCreated();
        clerk.put().uri(plan + "/items/seminar/indicator").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "参加者数", "unit", "人")).exchange().expectStatus().isOk();
        clerk.put().uri(plan + "/items/seminar/annual-targets/R7").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 20, "unit", "人")).exchange().expectStatus().isOk();
        aClosedYearWhoseActualWasCorrected(clerk);
        clerk.post().uri("/municipalities/" + CITY + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "sangyo", "name", "試験市産業振興計画", "fromFiscalYear", "R7",
                        "toFiscalYear", "R8")).exchange().expectStatus().isCreated();
        clerk.post().uri("/municipalities/" + CITY + "/plans/sangyo/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "r1", "content", Map.of("number", "1", "title", "商店会の広域連携の支援",
                        "responsibleOrganisations", List.of("産業振興課", "商工会議所")))).exchange()
                .expectStatus().isCreated();
    }

    /** Plan audit-2024: R6's actual of kaigi was 5 回, the year was closed, then 7 回 with a reason. */
    private static void aClosedYearWhoseActualWasCorrected(RestTestClient clerk) {
        String plan = "/municipalities/" + CITY + "/plans/audit-2024";
        clerk.post().uri("/municipalities/" + CITY + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "audit-2024", "name", "試験市地域経済計画", "fromFiscalYear", "R6",
                        "toFiscalYear", "R7")).exchange().expectStatus().isCreated();
        clerk.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "kaigi",
                "content", Map.of("number", "1", "title", "産業振興会議", "responsibleOrganisations",
                        List.of("商工観光課")))).exchange().expectStatus().isCreated();
        clerk.put().uri(plan + "/items/kaigi/indicator").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "開催回数", "unit", "回")).exchange().expectStatus().isOk();
        clerk.put().uri(plan + "/items/kaigi/annual-actuals/R6").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 5, "unit", "回")).exchange().expectStatus().isOk();
        clerk.post().uri(plan + "/fiscal-years/R6/close").contentType(MediaType.APPLICATION_JSON).body(Map.of())
                .exchange().expectStatus().isOk();
        // the screens choose instants to the second: one between the two values, a second apart from each
        Instant recorded = Instant.now();
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(recorded));
        beforeTheCorrection = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(beforeTheCorrection));
        clerk.put().uri(plan + "/items/kaigi/annual-actuals/R6").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 7, "unit", "回", "correctionReason", "集計誤りの訂正"))
                .exchange().expectStatus().isOk();
    }

    @BeforeEach
    void startTheBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver are installed (apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=ja", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void aClerkSignsInSeesWhatIsOverdueAndOpensThePlanFromIt() {
        signIn("municipal-editor", CITY, null);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ホーム");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            page.navigate().refresh();
            return !page.findElements(By.cssSelector("#overdue tbody tr")).isEmpty();
        });
        WebElement row = browser.findElements(By.cssSelector("#overdue tbody tr")).stream()
                .filter(each -> each.getText().contains("創業塾")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("創業塾", "令和7年度", "年度の実績", "2026-06-29");

        row.findElement(By.tagName("a")).click();
        awaitHeading("試験市商工業振興プラン");
        assertThat(browser.findElement(By.id("tree")).getText()).contains("創業塾", "参加者数");
    }

    @Test
    void aClerkEntersAnActualRefusedOnItsRowThenSeesItsRateAndRating() {
        signIn("municipal-editor", CITY, null);
        browser.get(base() + "/municipalities/" + CITY + "/plans/shoko-2025/annual?fiscalYear=R7");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("令和7年度 年間目標と実績");

        browser.findElement(By.id("actual-seminar")).sendKeys("-3");
        browser.findElement(By.cssSelector("#item-seminar button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(
                By.cssSelector("#item-seminar [role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#item-seminar [role=alert]")).getText()).contains("value");
        assertThat(browser.findElement(By.id("actual-seminar")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#item-seminar .actual")).getText()).as("nothing stored")
                .isEmpty();

        WebElement actual = browser.findElement(By.id("actual-seminar"));
        actual.clear();
        actual.sendKeys("18");
        browser.findElement(By.cssSelector("#item-seminar button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            if (page.findElement(By.cssSelector("#item-seminar .actual")).getText().equals("18")) {
                return true;
            }
            page.navigate().refresh();
            return false;
        });
        assertThat(browser.findElement(By.cssSelector("#item-seminar .rate")).getText()).startsWith("90");
        String rating = QueryServiceProcessReads.ratingOf(CITY, "shoko-2025", "seminar", "R7");
        assertThat(browser.findElement(By.cssSelector("#item-seminar .rating")).getText()).isEqualTo(rating)
                .isNotEmpty();
    }

    /** Musashino's journey: a 4th-quarter △ needs a reason from the city's list; refused on its row, then kept. */
    @Test
    void aClerkOfTheChamberOfCommerceEntersAFourthQuarterStatusWithTheReasonItNeeds() {
        signIn("municipal-editor", CITY, "商工会議所");
        browser.get(base() + "/municipalities/" + CITY + "/plans/sangyo/quarterly?fiscalYear=R7");
        awaitHeading("令和7年度 現年度の進捗状況");
        By chamberRow = By.xpath("//tr[@data-organisation='商工会議所']");

        WebElement row = browser.findElement(chamberRow);
        new Select(row.findElement(By.name("quarter"))).selectByValue("4");
        new Select(row.findElement(By.name("symbol"))).selectByValue("△");
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(page -> !page.findElement(chamberRow).findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(chamberRow).findElement(By.cssSelector("[role=alert]")).getText())
                .contains("reason");
        assertThat(browser.findElement(chamberRow).findElement(By.cssSelector(".q4")).getText()).as("nothing stored")
                .isEmpty();

        row = browser.findElement(chamberRow);
        new Select(row.findElement(By.name("quarter"))).selectByValue("4");
        new Select(row.findElement(By.name("symbol"))).selectByValue("△");
        new Select(row.findElement(By.name("reasonCode"))).selectByValue("4");
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    if (page.findElement(chamberRow).findElement(By.cssSelector(".q4")).getText().equals("△")) {
                        return true;
                    }
                    page.navigate().refresh();
                    return false;
                });
        assertThat(browser.findElement(chamberRow).findElement(By.cssSelector(".reason")).getText()).isEqualTo("4");
        assertThat(browser.findElement(By.xpath("//tr[@data-organisation='産業振興課']")).findElement(
                By.cssSelector(".q4")).getText()).as("the other organisation's row").isEmpty();
    }

    @Test
    void anEditorOfAnotherCityIsRefusedThePlanAndSignsOut() {
        signIn("municipal-editor", OTHER_CITY, null);

        browser.get(base() + "/municipalities/" + CITY + "/plans/shoko-2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("この画面を見る権限がありません");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains(OTHER_CITY, CITY);

        browser.findElement(By.xpath("//button[text()='サインアウト']")).click();
        awaitHeading("サインアウトしました");
    }

    @Test
    void anAuditorSeesTheValueBeforeTheCorrectionThenItsReasonOnTheTimeline() {
        signIn("auditor", null, null);
        String annual = base() + "/municipalities/" + CITY + "/plans/audit-2024/annual?fiscalYear=R6";
        browser.get(annual);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(page -> {
            if (page.findElement(By.cssSelector("#item-kaigi .actual")).getText().equals("7")) {
                return true;
            }
            page.navigate().refresh();
            return false;
        });

        WebElement at = browser.findElement(By.id("as-of-at"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", at,
                AsOfChoice.SHOWN.format(LocalDateTime.ofInstant(beforeTheCorrection, TokyoTime.ZONE)));
        browser.findElement(By.xpath("//button[text()='この時点の記録を見る']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.id("as-of-banner"))
                .isEmpty());
        assertThat(browser.findElement(By.id("as-of-banner")).getText()).contains("時点の記録を表示しています");
        assertThat(browser.findElement(By.cssSelector("#item-kaigi .actual")).getText()).as("as the records said")
                .isEqualTo("5");

        browser.findElement(By.xpath("//button[text()='現在の記録に戻る']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.findElements(By.id("as-of-banner"))
                .isEmpty());
        browser.findElement(By.cssSelector("#item-kaigi a")).click();
        awaitHeading("産業振興会議　実績の履歴");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("5回 → 7回", "訂正理由: 集計誤りの訂正", "municipal-editor", CITY);
    }

    @Test
    void theMetropolitanAnalystSeesEveryMunicipalityAndTheDashboardAsChartTableAndDownload() throws Exception {
        signIn("metro-analyst", null, null);

        assertThat(browser.findElement(By.id("municipalities")).getText()).contains(CITY, "試験市", OTHER_CITY);
        browser.findElement(By.linkText("自治体ごとの評価（グラフと表）")).click();
        awaitHeading("令和7年度 自治体ごとの評価");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("試験市（" + CITY + "）");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(
                By.cssSelector("#chart canvas")).isEmpty());

        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        browser.findElement(By.id("download")).getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(csv).startsWith("\uFEFF自治体コード,自治体,年度,").contains(CITY + ",試験市,令和7年度,");
    }

    /** Waits for the page a click leads to: the old page's heading goes stale or stays until it is replaced. */
    private void awaitHeading(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElement(By.tagName("h1")).getText().equals(expected));
    }

    private void signIn(String role, String municipality, String organisation) {
        browser.get(base() + "/");
        assertThat(browser.getCurrentUrl()).as("sent to the identity provider")
                .startsWith(TestInfrastructure.identityProvider().issuer() + "/authorize");
        new Select(browser.findElement(By.id("role"))).selectByValue(role);
        if (municipality != null) {
            browser.findElement(By.id("municipality")).sendKeys(municipality);
        }
        if (organisation != null) {
            browser.findElement(By.id("organisation")).sendKeys(organisation);
        }
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static RestTestClient client(String token) {
        return RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** What the query service answers, read with a token: the rating the screen must show. */
    private static final class QueryServiceProcessReads {

        static String ratingOf(String code, String planId, String itemId, String fiscalYear) {
            String body = RestTestClient.bindToServer().baseUrl(QueryServiceProcess.baseUrl().toString())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                    .get().uri("/municipalities/{code}/plans/{plan}/progress/annual?fiscalYear={year}", code, planId,
                            fiscalYear).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            JsonNode row = JsonMapper.builder().build().readTree(body).path("items").valueStream()
                    .filter(item -> item.path("itemId").asString().equals(itemId)).findFirst().orElseThrow();
            return row.path("years").path(0).path("rating").asString();
        }
    }

    private static String code(String firstFive) {
        return firstFive + MunicipalityCode.checkDigit(firstFive);
    }
}
