package jp.shinko.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Objects;
import java.util.function.Predicate;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.QueryServiceProcess;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.web.asof.AsOfChoice;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
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
import tools.jackson.databind.node.ObjectNode;

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
        // the test infrastructure brings the services' API edge (which refuses line breaks in request parameters),
        // a resource server's security and JDBC along; the screens use none of them
        properties = "spring.autoconfigure.exclude=jp.shinko.infra.security.ResourceServerAutoConfiguration,"
                + "jp.shinko.infra.edge.EdgeAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class BrowserJourneysTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Cities of Yamanashi's (19), which only this test registers. */
    private static final String CITY = code("19201");
    private static final String OTHER_CITY = code("19202");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Deque's axe-core, from its Selenium integration's jar, run in the page by {@link #checked}. */
    private static final String AXE = axe();

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
        aPlanToEditInExcel(clerk);
        clerk.post().uri("/municipalities/" + CITY + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "sangyo", "name", "試験市産業振興計画", "fromFiscalYear", "R7",
                        "toFiscalYear", "R8")).exchange().expectStatus().isCreated();
        clerk.post().uri("/municipalities/" + CITY + "/plans/sangyo/items").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "r1", "content", Map.of("number", "1", "title", "商店会の広域連携の支援",
                        "responsibleOrganisations", List.of("産業振興課", "商工会議所")))).exchange()
                .expectStatus().isCreated();
        clerk.put().uri("/municipalities/" + CITY + "/plans/sangyo/kpis/jigyosho")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "市内事業所数", "unit", "事業所", "source", "経済センサス",
                        "baseline", Map.of("value", 3603, "fromYear", 2021),
                        "target", Map.of("kind", "direction", "increase", true, "byYear", 2030)))
                .exchange().expectStatus().isOk();
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

    /** Plan excel-2025: three businesses with R7 targets 10, 20, 30 and the first one's actual 8. */
    private static void aPlanToEditInExcel(RestTestClient clerk) {
        String plan = "/municipalities/" + CITY + "/plans/excel-2025";
        clerk.post().uri("/municipalities/" + CITY + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "excel-2025", "name", "試験市ものづくり支援計画", "fromFiscalYear", "R7",
                        "toFiscalYear", "R9")).exchange().expectStatus().isCreated();
        List<String> titles = List.of("販路開拓支援", "展示会出展補助", "技術相談会");
        for (int i = 0; i < titles.size(); i++) {
            String item = "e" + (i + 1);
            clerk.post().uri(plan + "/items").contentType(MediaType.APPLICATION_JSON).body(Map.of("id", item,
                    "content", Map.of("number", String.valueOf(i + 1), "title", titles.get(i),
                            "responsibleOrganisations", List.of("商工観光課")))).exchange().expectStatus().isCreated();
            clerk.put().uri(plan + "/items/" + item + "/indicator").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", "件数", "unit", "件")).exchange().expectStatus().isOk();
            clerk.put().uri(plan + "/items/" + item + "/annual-targets/R7").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("value", 10 * (i + 1), "unit", "件")).exchange().expectStatus().isOk();
        }
        clerk.put().uri(plan + "/items/e1/annual-actuals/R7").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 8, "unit", "件")).exchange().expectStatus().isOk();
    }

    @BeforeEach
    void startTheBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver are installed (apt-get install chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=ja", "--window-size=1280,1024",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void aClerkSignsInSeesWhatIsOverdueAndOpensThePlanFromIt() throws Exception {
        signIn("municipal-editor", CITY, null);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ホーム");
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    page.navigate().refresh();
                    return !page.findElements(By.cssSelector("#overdue tbody tr")).isEmpty();
                });
        checked("home");
        WebElement row = browser.findElements(By.cssSelector("#overdue tbody tr")).stream()
                .filter(each -> each.getText().contains("創業塾")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("創業塾", "令和7年度", "年度の実績", "2026-06-29");

        row.findElement(By.tagName("a")).click();
        awaitHeading("試験市商工業振興プラン");
        assertThat(browser.findElement(By.id("tree")).getText()).contains("創業塾", "参加者数");
        checked("plan");
    }

    @Test
    void aClerkEntersAnActualRefusedOnItsRowThenSeesItsRateAndRating() throws Exception {
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
        checked("annual-refused");

        WebElement actual = browser.findElement(By.id("actual-seminar"));
        actual.clear();
        actual.sendKeys("18");
        browser.findElement(By.cssSelector("#item-seminar button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
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
    void aClerkOfTheChamberOfCommerceEntersAFourthQuarterStatusWithTheReasonItNeeds() throws Exception {
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
        checked("quarterly-refused");

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
        checked("quarterly");
        assertThat(browser.findElement(By.xpath("//tr[@data-organisation='産業振興課']")).findElement(
                By.cssSelector(".q4")).getText()).as("the other organisation's row").isEmpty();
    }

    @Test
    void anEditorOfAnotherCityIsRefusedThePlanAndSignsOut() throws Exception {
        signIn("municipal-editor", OTHER_CITY, null);

        browser.get(base() + "/municipalities/" + CITY + "/plans/shoko-2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("この画面を見る権限がありません");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains(OTHER_CITY, CITY);
        checked("refused");

        browser.findElement(By.xpath("//button[text()='サインアウト']")).click();
        awaitHeading("サインアウトしました");
        checked("signed-out");
    }

    @Test
    void anAuditorSeesTheValueBeforeTheCorrectionThenItsReasonOnTheTimeline() throws Exception {
        signIn("auditor", null, null);
        String annual = base() + "/municipalities/" + CITY + "/plans/audit-2024/annual?fiscalYear=R6";
        browser.get(annual);
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
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
        checked("as-of");

        browser.findElement(By.xpath("//button[text()='現在の記録に戻る']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.findElements(By.id("as-of-banner"))
                .isEmpty());
        browser.findElement(By.cssSelector("#item-kaigi a")).click();
        awaitHeading("産業振興会議　実績の履歴");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("5回 → 7回", "訂正理由: 集計誤りの訂正", "municipal-editor", CITY);
        checked("history");
    }

    @Test
    void theMetropolitanAnalystSeesEveryMunicipalityAndTheDashboardAsChartTableAndDownload() throws Exception {
        signIn("metro-analyst", null, null);

        assertThat(browser.findElement(By.id("municipalities")).getText()).contains(CITY, "試験市", OTHER_CITY);
        checked("home-metropolitan");
        browser.findElement(By.linkText("自治体ごとの評価（グラフと表）")).click();
        awaitHeading("令和7年度 自治体ごとの評価");
        assertThat(browser.findElement(By.id("counts")).getText()).contains("試験市（" + CITY + "）");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(
                By.cssSelector("#chart canvas")).isEmpty());
        checked("dashboard");

        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        browser.findElement(By.id("download")).getAttribute("href")))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(csv).startsWith("\uFEFF自治体コード,自治体,年度,").contains(CITY + ",試験市,令和7年度,");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText).contains(
                "令和7年度 四半期ごとの進捗状況（記号の件数）", "提出期限を過ぎた報告（自治体ごと）", "重点テーマ（自治体をまたいで）",
                "東京都の連携事業");
        assertThat(browser.findElement(By.id("overdue")).getText()).contains("試験市");
    }

    /** Excel out, Excel in: the exported workbook with one cell changed changes exactly that cell. */
    @Test
    void aClerkExportsTheTableEditsOneCellInTheWorkbookPreviewsAndSavesExactlyThatCell() throws Exception {
        signIn("municipal-editor", CITY, null);
        JsonNode before = awaitAnnualTable("excel-2025", table -> actualOf(table, "e1").equals("8"));
        browser.get(base() + "/municipalities/" + CITY + "/plans/excel-2025/annual?fiscalYear=R7");
        checked("annual");
        browser.findElement(By.id("excel")).click();
        awaitHeading("令和7年度 年間目標と実績をExcelで更新");
        checked("upload");

        byte[] exported = download(browser.findElement(By.id("download-xlsx")).getAttribute("href"));
        Path edited = Files.createTempDirectory("upload").resolve("試験市_年間目標と実績.xlsx");
        Files.write(edited, withCell(exported, "2", "令和7年度", "実績", 25));
        browser.findElement(By.id("file")).sendKeys(edited.toString());
        browser.findElement(By.cssSelector("#upload-form button")).click();
        awaitElement(By.id("preview"));
        checked("upload-preview");
        List<WebElement> changed = browser.findElements(By.cssSelector("#preview tbody tr"));
        assertThat(changed).as("exactly the one row edited").hasSize(1);
        assertThat(changed.get(0).getText()).contains("展示会出展補助", "令和7年度 実績", "（空欄）", "25", "保存できます");
        assertThat(annualTable("excel-2025")).as("nothing saved before the confirmation").isEqualTo(before);

        browser.findElement(By.cssSelector("#save-form button")).click();
        awaitElement(By.id("results"));
        checked("upload-saved");
        assertThat(browser.findElement(By.cssSelector("#results tbody tr")).getAttribute("data-outcome"))
                .isEqualTo("saved");
        JsonNode after = awaitAnnualTable("excel-2025", table -> actualOf(table, "e2").equals("25"));
        assertThat(withoutFiguresOf(after, "e2")).as("nothing but that row's actual (and its rate and rating)")
                .isEqualTo(withoutFiguresOf(before, "e2"));
        assertThat(after.path("items").path(1).path("years").path(0).path("target").asInt()).isEqualTo(20);
    }

    /** Closing a year: from then on the year's entries ask for their reason, refused on the row without one. */
    @Test
    void aClerkClosesAYearThenAnEntryOfThatYearAsksForItsReason() throws Exception {
        signIn("municipal-editor", CITY, null);
        browser.get(base() + "/municipalities/" + CITY + "/plans/audit-2024");
        WebElement year = browser.findElement(By.id("year-2025"));
        year.findElement(By.cssSelector("input[type=checkbox]")).click();
        year.findElement(By.tagName("button")).click();
        awaitElement(By.id("closed-message"));
        assertThat(browser.findElement(By.id("closed-message")).getText()).startsWith("令和7年度を締めました");
        assertThat(browser.findElement(By.id("year-2025")).getText()).contains("締め済み");
        checked("plan-closed");

        browser.get(base() + "/municipalities/" + CITY + "/plans/audit-2024/annual?fiscalYear=R7");
        browser.findElement(By.id("actual-kaigi")).sendKeys("3");
        browser.findElement(By.cssSelector("#item-kaigi button")).click();
        awaitElement(By.cssSelector("#item-kaigi [role=alert]"));
        assertThat(browser.findElement(By.cssSelector("#item-kaigi [role=alert]")).getText())
                .contains("correctionReason");
        WebElement actual = browser.findElement(By.id("actual-kaigi"));
        actual.clear();
        actual.sendKeys("3");
        browser.findElement(By.id("reason-kaigi")).sendKeys("議会報告後に判明した開催分");
        browser.findElement(By.cssSelector("#item-kaigi button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    if (page.findElement(By.cssSelector("#item-kaigi .actual")).getText().equals("3")) {
                        return true;
                    }
                    page.navigate().refresh();
                    return false;
                });
    }

    /** The auditor's tools: the chain computed again with its head, the bundle, the changes between two instants. */
    @Test
    void anAuditorChecksTheChainDownloadsTheBundleAndListsTheChangesBetweenTwoInstants() throws Exception {
        signIn("auditor", null, null);
        browser.findElement(By.xpath("//tr[td[text()='" + CITY + "']]//a[text()='改ざん検査と記録一式']")).click();
        awaitHeading("試験市 監査");
        assertThat(browser.findElement(By.id("chain-result")).getText()).isEqualTo("改ざんはありません（すべてのリンクが一致）");
        assertThat(browser.findElement(By.id("chain-head")).getText()).matches("[0-9a-f]{64}");
        checked("audit");
        String bundle = new String(download(browser.findElement(By.id("bundle")).getAttribute("href")),
                StandardCharsets.UTF_8);
        assertThat(bundle.lines().toList()).isNotEmpty().last().asString()
                .contains(browser.findElement(By.id("chain-head")).getText());

        browser.findElement(By.linkText("試験市地域経済計画の変更一覧")).click();
        awaitHeading("2つの時点の間の変更");
        WebElement from = browser.findElement(By.id("from"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", from,
                AsOfChoice.SHOWN.format(LocalDateTime.ofInstant(beforeTheCorrection, TokyoTime.ZONE)));
        browser.findElement(By.cssSelector("#changes-form button")).click();
        awaitElement(By.id("changes"));
        assertThat(browser.findElement(By.id("changes")).getText()).contains("変更", "5 → 7");
        checked("changes");
        String csv = new String(download(browser.findElement(By.id("changes-csv")).getAttribute("href")),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("集計誤りの訂正");
    }

    /** A review sheet written against the version opened: someone saving first is shown, the clerk's text kept. */
    @Test
    void aClerkWritesAReviewSheetAndIsShownWhatAnotherSavedFirst() throws Exception {
        signIn("municipal-editor", CITY, null);
        browser.get(base() + "/municipalities/" + CITY + "/plans/sangyo/sheets?fiscalYear=R7");
        awaitHeading("令和7年度 事業評価シート");
        checked("sheets");
        browser.findElement(By.linkText("商店会の広域連携の支援のシートを書く")).click();
        awaitHeading("商店会の広域連携の支援　令和7年度 事業評価シート");

        RestTestClient other = client(TestTokens.of(new Actor("other-clerk", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of(CITY), null)));
        other.put().uri("/municipalities/" + CITY + "/plans/sangyo/items/r1/narratives/R7")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("results", "他の担当者の記入"))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> queryJson("/municipalities/" + CITY
                + "/plans/sangyo/items/r1").path("reviewSheets").path(0).path("results").asString("")
                .equals("他の担当者の記入"));

        browser.findElement(By.id("results")).sendKeys("商店会の合同会議を2回開催\n参加 12 団体");
        browser.findElement(By.cssSelector("#sheet-form button")).click();
        awaitElement(By.id("conflict"));
        checked("sheet-conflict");
        assertThat(browser.findElement(By.id("conflict")).getText()).contains("実施結果", "他の担当者の記入");
        assertThat(browser.findElement(By.id("results")).getAttribute("value")).as("the clerk's text is kept")
                .isEqualTo("商店会の合同会議を2回開催\n参加 12 団体");

        browser.findElement(By.cssSelector("#sheet-form button")).click();
        awaitHeading("令和7年度 事業評価シート");
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    if (page.findElement(By.id("item-r1")).getText().contains("商店会の合同会議を2回開催")) {
                        return true;
                    }
                    page.navigate().refresh();
                    return false;
                });
    }

    /** Tama's KPIs: a published figure recorded on its row, refused on the row when it is not a number. */
    @Test
    void aClerkRecordsAPublishedKpiFigure() throws Exception {
        signIn("municipal-editor", CITY, null);
        browser.get(base() + "/municipalities/" + CITY + "/plans/sangyo/kpis");
        awaitHeading("成果指標（KPI）");
        assertThat(browser.findElement(By.id("kpi-jigyosho")).getText()).contains("市内事業所数", "3603（2021年）",
                "基準値から増加（2030年）");
        WebElement row = browser.findElement(By.id("kpi-jigyosho"));
        row.findElement(By.name("value")).sendKeys("三千");
        row.findElement(By.name("fromYear")).sendKeys("2024");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12-19'",
                row.findElement(By.name("publishedOn")));
        row.findElement(By.tagName("button")).click();
        awaitElement(By.cssSelector("#kpi-jigyosho [role=alert]"));
        assertThat(browser.findElement(By.cssSelector("#kpi-jigyosho [role=alert]")).getText()).contains("数値");
        checked("kpis-refused");

        row = browser.findElement(By.id("kpi-jigyosho"));
        row.findElement(By.name("value")).sendKeys("3650");
        row.findElement(By.name("fromYear")).sendKeys("2024");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12-19'",
                row.findElement(By.name("publishedOn")));
        row.findElement(By.tagName("button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(page -> {
                    if (page.findElement(By.cssSelector("#kpi-jigyosho .latest")).getText().equals("3650（2024年）")) {
                        return true;
                    }
                    page.navigate().refresh();
                    return false;
                });
        assertThat(browser.findElement(By.id("kpi-jigyosho")).getText()).contains("2025-12-19");
        checked("kpis");
    }

    /**
     * The page as it is now: saved as a screenshot for the README (target/screenshots), and checked
     * by axe-core against WCAG 2.1 A and AA: no serious or critical violation.
     */
    private void checked(String name) throws Exception {
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        JavascriptExecutor script = (JavascriptExecutor) browser;
        if (browser.getCurrentUrl().startsWith(base())) { // not the identity provider's sign-in page
            assertThat(script.executeScript("return [...document.styleSheets].some(sheet => sheet.href"
                    + " && sheet.href.endsWith('/static/css/site.css') && sheet.cssRules.length > 0)"))
                    .as("the site's stylesheet is served and applied on " + name).isEqualTo(true);
        }
        script.executeScript(AXE);
        Object answer = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(result => done(JSON.stringify(result.violations)), error => done('error: ' + error));");
        assertThat(answer.toString()).as("axe-core ran on " + name).doesNotStartWith("error");
        List<String> serious = JSON.readTree(answer.toString()).valueStream()
                .filter(violation -> List.of("serious", "critical").contains(violation.path("impact").asString()))
                .map(violation -> violation.path("id").asString() + ": " + violation.path("help").asString() + " "
                        + violation.path("nodes").valueStream().map(node -> node.path("html").asString()).toList())
                .toList();
        assertThat(serious).as("serious or critical accessibility violations on " + name).isEmpty();
    }

    private byte[] download(String href) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        return response.body();
    }

    /** The workbook with one number changed in Excel: the row by its 番号, the column by its headings. */
    private static byte[] withCell(byte[] workbook, String number, String group, String heading, double value)
            throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheetAt(0);
            Row headings = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    headings = headings == null && cell.toString().equals("番号") ? row : headings;
                }
            }
            assertThat(headings).as("the headings row").isNotNull();
            Row groups = sheet.getRow(headings.getRowNum() - 1);
            int numberColumn = -1;
            int column = -1;
            for (Cell cell : headings) {
                numberColumn = cell.toString().equals("番号") ? cell.getColumnIndex() : numberColumn;
                if (cell.toString().equals(heading)
                        && String.valueOf(groups.getCell(cell.getColumnIndex())).equals(group)) {
                    column = cell.getColumnIndex();
                }
            }
            assertThat(column).as(group + " " + heading).isNotNegative();
            for (int at = headings.getRowNum() + 1; at <= sheet.getLastRowNum(); at++) {
                Row row = sheet.getRow(at);
                if (row != null && row.getCell(numberColumn) != null
                        && row.getCell(numberColumn).toString().equals(number)) {
                    row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static JsonNode queryJson(String path) {
        return JSON.readTree(RestTestClient.bindToServer().baseUrl(QueryServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                .get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private static JsonNode annualTable(String planId) {
        String body = RestTestClient.bindToServer().baseUrl(QueryServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build()
                .get().uri("/municipalities/{code}/plans/{plan}/progress/annual?fiscalYear=R7", CITY, planId)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static JsonNode awaitAnnualTable(String planId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> annualTable(planId), until);
    }

    private static String actualOf(JsonNode table, String itemId) {
        return table.path("items").valueStream().filter(item -> item.path("itemId").asString().equals(itemId))
                .findFirst().map(item -> item.path("years").path(0).path("actual").asString("")).orElse("");
    }

    /** The table without one item's year figures (its actual, rate and rating), to compare the rest. */
    private static JsonNode withoutFiguresOf(JsonNode table, String itemId) {
        JsonNode copy = table.deepCopy();
        copy.path("items").valueStream().filter(item -> item.path("itemId").asString().equals(itemId))
                .forEach(item -> ((ObjectNode) item).remove("years"));
        ((ObjectNode) copy).remove("asOf");
        return copy;
    }

    /** Waits for an element of the page a click leads to; if it never comes, fails with the page's text. */
    private void awaitElement(By element) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(element).isEmpty());
        } catch (TimeoutException missing) {
            throw new AssertionError(element + " never appeared; the page says: "
                    + browser.findElement(By.tagName("body")).getText(), missing);
        }
    }

    /** Waits for the page a click leads to: the old page's heading goes stale or stays until it is replaced. */
    private void awaitHeading(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(page -> page.findElement(By.tagName("h1")).getText().equals(expected));
    }

    private void signIn(String role, String municipality, String organisation) throws Exception {
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
        checked("sign-in");
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

    private static String axe() {
        try (InputStream in = BrowserJourneysTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(Objects.requireNonNull(in, "axe.min.js on the test classpath").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String code(String firstFive) {
        return firstFive + MunicipalityCode.checkDigit(firstFive);
    }
}
