package jp.shinko.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.QueryServiceProcess;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
        String row = browser.findElement(By.cssSelector("#overdue tbody tr")).getText();
        assertThat(row).contains("創業塾", "令和7年度", "年度の実績", "2026-06-29");

        browser.findElement(By.cssSelector("#overdue tbody tr a")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("試験市商工業振興プラン");
        assertThat(browser.findElement(By.id("tree")).getText()).contains("創業塾", "参加者数");
    }

    @Test
    void anEditorOfAnotherCityIsRefusedThePlanAndSignsOut() {
        signIn("municipal-editor", OTHER_CITY, null);

        browser.get(base() + "/municipalities/" + CITY + "/plans/shoko-2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("この画面を見る権限がありません");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains(OTHER_CITY, CITY);

        browser.findElement(By.xpath("//button[text()='サインアウト']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("サインアウトしました");
    }

    @Test
    void theMetropolitanAnalystSeesEveryMunicipality() {
        signIn("metro-analyst", null, null);

        assertThat(browser.findElement(By.id("municipalities")).getText()).contains(CITY, "試験市", OTHER_CITY);
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

    private static String code(String firstFive) {
        return firstFive + MunicipalityCode.checkDigit(firstFive);
    }
}
