package jp.shinko.infra.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./local-stack pages}: how long each screen takes the server on a running local stack
 * with the demo data. Signs in at the identity provider's page as each kind of person (an
 * Akiruno, a Musashino and a Tama editor, the Metropolitan analyst, an auditor), as a browser does,
 * then asks each page in turn, warms it up and times every answer from the request to the last
 * byte over loopback (the server's time plus a fraction of a millisecond), and prints per page
 * the median and the 95th percentile.
 */
public final class PageTimes {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP = 3;
    private static final String AKIRUNO = "132284";
    private static final String MUSASHINO = "132039";
    private static final String TAMA = "132241";

    private final LocalStackOptions options;
    private final HttpClient services = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private PageTimes(LocalStackOptions options) {
        this.options = options;
    }

    /** A page to time, asked by a person of a role. */
    public record Page(String name, String path) {
    }

    /** Times every page {@code rounds} times on the running stack; returns the exit code. */
    public static int run(LocalStackOptions options, int rounds, PrintStream out) {
        try {
            new PageTimes(options).measure(rounds, out);
            return 0;
        } catch (IOException | RuntimeException failed) {
            out.println("Could not time the pages: " + failed.getMessage()
                    + " (is the local stack running with the demo data? ./local-stack --fresh)");
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** A page's server time as one person asked for it, in milliseconds. */
    public record Timed(String person, Page page, double median, double p95) {
    }

    /** Times every page {@code rounds} times on a running stack with the demo data; one row per page. */
    public static List<Timed> time(LocalStackOptions options, int rounds) throws IOException, InterruptedException {
        return new PageTimes(options).time(rounds);
    }

    private void measure(int rounds, PrintStream out) throws IOException, InterruptedException {
        List<Timed> pages = time(rounds);
        out.printf("Server time of each page on the demo data: %d requests per page after %d to warm up, "
                + "one at a time, over loopback (%s, %d cores)%n", rounds, WARM_UP, System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors());
        out.printf("%10s %10s  %-24s %s%n", "median ms", "p95 ms", "signed in as", "page: path");
        for (Timed page : pages) {
            out.printf("%10.1f %10.1f  %-24s %s: %s%n", page.median(), page.p95(), page.person(), page.page().name(),
                    page.page().path());
        }
    }

    private List<Timed> time(int rounds) throws IOException, InterruptedException {
        String admin = adminToken();
        Map<String, List<Page>> pagesByPerson = new LinkedHashMap<>();
        pagesByPerson.put("municipal-editor " + AKIRUNO, cityPages(admin, AKIRUNO, "annual"));
        pagesByPerson.put("municipal-editor " + MUSASHINO, cityPages(admin, MUSASHINO, "quarterly"));
        pagesByPerson.put("municipal-editor " + TAMA, List.of(new Page("成果指標（KPI）", "/municipalities/" + TAMA
                + "/plans/" + firstPlan(admin, TAMA).path("planId").asString() + "/kpis")));
        pagesByPerson.put("metro-analyst", List.of(new Page("ホーム（東京都）", "/"),
                new Page("ダッシュボード", "/dashboard?fiscalYear=R7")));
        String plan = firstPlan(admin, MUSASHINO).path("planId").asString();
        pagesByPerson.put("auditor", List.of(new Page("監査（改ざん検査）", "/municipalities/" + MUSASHINO + "/audit"),
                new Page("2時点の変更", "/municipalities/" + MUSASHINO + "/plans/" + plan
                        + "/changes?from=2020-01-01T00:00:00")));
        List<Timed> timed = new ArrayList<>();
        for (Map.Entry<String, List<Page>> person : pagesByPerson.entrySet()) {
            String[] who = person.getKey().split(" ");
            HttpClient browser = signedIn(who[0], who.length > 1 ? who[1] : null);
            for (Page page : person.getValue()) {
                double[] millis = time(browser, page, rounds);
                timed.add(new Timed(person.getKey(), page, percentile(millis, 0.5), percentile(millis, 0.95)));
            }
        }
        return timed;
    }

    /**
     * A city's pages: home, its first plan, the year's table in the city's shape, the upload, and an
     * item's history (annual) or the review sheets (quarterly).
     */
    private List<Page> cityPages(String admin, String code, String table) throws IOException, InterruptedException {
        JsonNode plan = firstPlan(admin, code);
        String planPath = "/municipalities/" + code + "/plans/" + plan.path("planId").asString();
        int year = yearWithRows(admin, planPath, table, plan);
        JsonNode rows = api(admin, planPath + "/progress/" + table + "?fiscalYear=" + year + "&size=1");
        String item = rows.path("items").path(0).path("itemId").asString();
        List<Page> pages = new ArrayList<>(List.of(new Page("ホーム（自治体）", "/"), new Page("計画", planPath),
                new Page(table.equals("annual") ? "年間目標と実績" : "四半期の進捗状況",
                        planPath + "/" + table + "?fiscalYear=" + year),
                new Page("Excelで更新", planPath + "/upload?table=" + table + "&fiscalYear=" + year)));
        if (table.equals("annual")) {
            pages.add(new Page("履歴", planPath + "/items/" + item + "/history?kind=actual&fiscalYear=" + year));
        } else {
            pages.add(new Page("事業評価シート", planPath + "/sheets?fiscalYear=" + year));
            pages.add(new Page("事業評価シート（1事業）", planPath + "/items/" + item + "/sheets/" + year));
        }
        return pages;
    }

    private JsonNode firstPlan(String admin, String code) throws IOException, InterruptedException {
        JsonNode plans = api(admin, "/municipalities/" + code + "/plans").path("plans");
        if (plans.isEmpty()) {
            throw new IllegalStateException("municipality " + code + " has no plan");
        }
        return plans.path(0);
    }

    /** The latest fiscal year the city entered something for: an actual (annual) or a quarter's status. */
    private int yearWithRows(String admin, String planPath, String table, JsonNode plan)
            throws IOException, InterruptedException {
        int from = plan.path("period").path("from").path("value").asInt();
        if (table.equals("annual")) {
            JsonNode rows = api(admin, planPath + "/progress/annual?size=500");
            return rows.path("items").valueStream().flatMap(item -> item.path("years").valueStream())
                    .filter(year -> year.path("actual").isNumber()).mapToInt(year -> year.path("fiscalYear").asInt())
                    .max().orElse(from);
        }
        for (int year = plan.path("period").path("to").path("value").asInt(); year >= from; year--) {
            JsonNode rows = api(admin, planPath + "/progress/quarterly?fiscalYear=" + year + "&size=1");
            if (rows.path("totalItems").asInt() > 0) {
                return year;
            }
        }
        return from;
    }

    private double[] time(HttpClient browser, Page page, int rounds) throws IOException, InterruptedException {
        URI uri = web(page.path());
        double[] millis = new double[rounds];
        for (int i = -WARM_UP; i < rounds; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = browser.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(page.path() + " answered " + response.statusCode());
            }
            if (i >= 0) {
                millis[i] = took / 1_000_000.0;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    /** A client signed in to the screens as a browser is: the authorization code flow through the sign-in page. */
    private HttpClient signedIn(String role, String municipality) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI authorize = location(browser, web("/oauth2/authorization/shinko"));
        String form = browser.send(HttpRequest.newBuilder(authorize).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("role", role);
        if (municipality != null) {
            fields.put("municipality", municipality);
        }
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(authorize.resolve("/authorize"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(signedIn.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the sign-in page answered " + signedIn.statusCode())));
        location(browser, callback);
        return browser;
    }

    private URI location(HttpClient browser, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return uri.resolve(response.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException(uri + " answered " + response.statusCode() + ", not a redirect")));
    }

    /** A token to find the demo's plans and years with, from the identity provider's developer endpoint. */
    private String adminToken() throws IOException, InterruptedException {
        return services.send(HttpRequest.newBuilder(URI.create("http://localhost:" + options.identityPort()
                + "/token?role=admin")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    private JsonNode api(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = services.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + options.queryPort() + path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private URI web(String path) {
        return URI.create("http://localhost:" + options.webPort() + path);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The value below which the given share of the sorted times fall (nearest rank). */
    private static double percentile(double[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
