package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/** The query side's figures: "as of" answers and a rebuild of every projection. */
final class QueryFigures {

    private QueryFigures() {
    }

    /**
     * One city's annual table as of random instants between {@code from} and now, one request
     * after the other, as an auditor; after as many requests on another city, not timed, so
     * that the figure is of a service whose code has been compiled, as in the other phases.
     */
    static Latencies asOf(BenchHttp http, URI query, String auditorToken, String warmUpCity, String city,
            Instant from, int requests) throws IOException, InterruptedException {
        asOf(http, query, auditorToken, warmUpCity, from, requests);
        return asOf(http, query, auditorToken, city, from, requests);
    }

    private static Latencies asOf(BenchHttp http, URI query, String auditorToken, String city, Instant from,
            int requests) throws IOException, InterruptedException {
        Random random = new Random(7);
        long span = Duration.between(from, Instant.now()).toMillis();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span));
            URI uri = query.resolve("/municipalities/" + city + "/plans/" + BenchCities.PLAN + "/progress/annual?asOf="
                    + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
            long started = System.nanoTime();
            BenchHttp.Answer answer = http.get(uri, auditorToken);
            nanos.add(System.nanoTime() - started);
            if (answer.status() != 200) {
                throw new IOException("as of " + at + " was answered " + answer.status() + ": " + answer.body());
            }
        }
        return Latencies.ofNanos(nanos);
    }

    /** What a rebuild did: events replayed and how long it took from the request to done. */
    record Rebuild(long events, Duration took) {

        double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    /** Asks for a rebuild and waits until it is done. */
    static Rebuild rebuild(BenchHttp http, URI query, String adminToken) throws IOException, InterruptedException {
        URI rebuild = query.resolve("/admin/projections/rebuild");
        long started = System.nanoTime();
        http.expectOk("POST", rebuild, adminToken, null, null);
        while (true) {
            JsonNode status = http.expectOk("GET", rebuild, adminToken, null, null).json();
            String state = status.path("state").asString();
            if (!"running".equals(state)) {
                if (!"done".equals(state)) {
                    throw new IllegalStateException("the rebuild ended " + state + ": " + status);
                }
                return new Rebuild(status.path("totalEvents").asLong(), Duration.ofNanos(System.nanoTime() - started));
            }
            Thread.sleep(200);
        }
    }
}
