package jp.shinko.infra.localstack.bench;

import java.util.Arrays;
import java.util.List;

/** Response times of a phase, in milliseconds, with the percentiles the table prints. */
record Latencies(double[] millis) {

    static Latencies ofNanos(List<Long> nanos) {
        return new Latencies(nanos.stream().mapToDouble(nano -> nano / 1_000_000.0).sorted().toArray());
    }

    int count() {
        return millis.length;
    }

    /** The value below which the given share of the times fall (nearest rank); 0 when there are none. */
    double percentile(double share) {
        if (millis.length == 0) {
            return 0;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return percentile(0.5);
    }
}
