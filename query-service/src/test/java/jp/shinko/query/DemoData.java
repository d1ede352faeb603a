package jp.shinko.query;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.ReadYourWrites;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The demo data (the seed tables) entered once per test JVM through the command service, as
 * the local stack enters it. While it goes in, every {@value #CHECKPOINT_EVERY} requests, the
 * live answers of the {@link #WATCHED} views are read with the instant they were read at, so
 * the "as of" answers for those instants can be compared with them afterwards.
 */
public final class DemoData {

    static final int CHECKPOINT_EVERY = 45;

    /** Plans, tables, exports, histories and cross-city views of the three demo cities. */
    public static final List<String> WATCHED = List.of(
            "/municipalities",
            "/municipalities/132284",
            "/municipalities/132284/plans",
            "/municipalities/132284/plans/shoko-2023",
            "/municipalities/132284/plans/shoko-2023/items/d1-m1-b1",
            "/municipalities/132039/plans/sangyo-2.csv",
            "/municipalities/132284/plans/shoko-2023/progress/annual",
            "/municipalities/132284/plans/shoko-2023/progress/annual.csv",
            "/municipalities/132284/plans/shoko-2023/progress/history/items/d1-m1-b1",
            "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&size=500",
            "/municipalities/132039/plans/sangyo-2/progress/quarterly.csv?fiscalYear=R5",
            "/municipalities/132241/plans/master-2025/progress/kpis",
            "/municipalities/132241/plans/master-2025/progress/history/kpis/establishments",
            "/municipalities/132241/plans/master-2025/progress/narratives?fiscalYear=R7",
            "/cross-city/summary?size=500",
            "/cross-city/focus-themes?size=500",
            "/cross-city/missing-reports?size=500",
            "/cross-city/focus-themes/by-theme",
            "/cross-city/missing-reports/by-municipality");

    /** What a view answered: its status and body. */
    public record Answer(int status, String body) {
    }

    /** The live answers of the watched views at an instant. */
    public record Checkpoint(Instant at, Map<String, Answer> answers) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static List<Checkpoint> checkpoints;

    private DemoData() {
    }

    /** Enters the demo data unless this JVM has; the checkpoints taken while it went in. */
    public static synchronized List<Checkpoint> enterOnce(int queryPort, StoredPositions positions) {
        if (checkpoints != null) {
            return checkpoints;
        }
        List<Checkpoint> taken = new ArrayList<>();
        URI commandService = CommandServiceProcess.baseUrl();
        RestTestClient admin = RestTestClient.bindToServer().baseUrl(commandService.toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        for (Map.Entry<String, String> city : Map.of(SeedLoader.AKIRUNO, "あきる野市", SeedLoader.MUSASHINO, "武蔵野市",
                SeedLoader.TAMA, "多摩市").entrySet()) {
            admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "register-" + city.getKey())
                    .body(Map.of("code", city.getKey(), "name", city.getValue(), "romanisedName", "Seed"))
                    .exchange().expectStatus().isCreated();
        }
        int[] requests = {0};
        SeedLoader loader = new SeedLoader(commandService, code -> TestTokens.of(new Actor("clerk",
                Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null)))
                .afterEachRequest(() -> {
                    if (++requests[0] % CHECKPOINT_EVERY == 0) {
                        taken.add(checkpoint(queryPort, positions.head()));
                    }
                });
        loader.loadAll();
        taken.add(checkpoint(queryPort, positions.head()));
        checkpoints = List.copyOf(taken);
        return checkpoints;
    }

    /** The watched views as an auditor reads them once every event up to the head is in the projections. */
    private static Checkpoint checkpoint(int queryPort, long head) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String view : WATCHED) {
            HttpResponse<String> response = get(queryPort, view + (view.contains("?") ? "&" : "?")
                    + ReadYourWrites.WAIT_PARAMETER + "=" + head);
            if (!response.headers().firstValue(ReadYourWrites.REACHED_HEADER).orElse("").equals("true")) {
                throw new IllegalStateException("the projections did not reach event " + head + " in time");
            }
            answers.put(view, new Answer(response.statusCode(), response.body()));
        }
        // nothing is written meanwhile, so these answers stand for this instant; the store keeps recorded
        // times to the millisecond, so the next event must be recorded in a later one
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(at));
        return new Checkpoint(at, answers);
    }

    /** A view as an auditor reads it. */
    public static HttpResponse<String> get(int queryPort, String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort + pathAndQuery))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                            new Actor("auditor", Role.AUDITOR, null, null)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + pathAndQuery, e);
        }
    }
}
