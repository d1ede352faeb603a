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

/**
 * The metropolitan government's views across every municipality, as its analyst asks for them:
 * the summary now (each municipality and fiscal year in counts), and the summary and the
 * missing reports as they stood at a past instant.
 */
final class CrossCityFigures {

    private static final int WARM_UP = 3;

    private CrossCityFigures() {
    }

    /** What a view answered: its times and how many rows it counted in all. */
    record Answered(Latencies latencies, long totalItems) {
    }

    /** The first page of the live summary over every municipality, timed after a few untimed requests. */
    static Answered liveSummary(BenchHttp http, URI query, String analystToken, int requests)
            throws IOException, InterruptedException {
        URI summary = query.resolve("/cross-city/summary?size=100");
        long total = 0;
        List<Long> nanos = new ArrayList<>();
        for (int i = -WARM_UP; i < requests; i++) {
            long started = System.nanoTime();
            BenchHttp.Answer answer = http.expectOk("GET", summary, analystToken, null, null);
            if (i >= 0) {
                nanos.add(System.nanoTime() - started);
            }
            total = answer.json().path("totalItems").asLong();
        }
        return new Answered(Latencies.ofNanos(nanos), total);
    }

    /**
     * The view ({@code summary} or {@code missing-reports}) over every municipality as of random
     * instants between {@code from} and {@code to}, one request after the other.
     */
    static Answered past(BenchHttp http, URI query, String analystToken, String view, Instant from, Instant to,
            int requests) throws IOException, InterruptedException {
        Random random = new Random(11);
        long span = Duration.between(from, to).toMillis();
        long total = 0;
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Instant at = from.plusMillis((long) (random.nextDouble() * span));
            URI uri = query.resolve("/cross-city/" + view + "?size=100&asOf="
                    + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
            long started = System.nanoTime();
            BenchHttp.Answer answer = http.expectOk("GET", uri, analystToken, null, null);
            nanos.add(System.nanoTime() - started);
            total = Math.max(total, answer.json().path("totalItems").asLong());
        }
        return new Answered(Latencies.ofNanos(nanos), total);
    }
}
