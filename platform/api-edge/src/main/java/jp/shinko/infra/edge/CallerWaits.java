package jp.shinko.infra.edge;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests of one caller may wait at once for something to happen elsewhere (a
 * projection to reach a position, a first request with the same Idempotency-Key to be
 * answered). A wait holds resources of the service, so one caller cannot hold them all: beyond
 * the limit a request is answered at once instead of waiting.
 */
public final class CallerWaits {

    private final int perCaller;
    private final ConcurrentMap<String, Integer> waiting = new ConcurrentHashMap<>();

    public CallerWaits(int perCaller) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("at least one wait per caller, not " + perCaller);
        }
        this.perCaller = perCaller;
    }

    /** The most waits one caller may have at once. */
    public int perCaller() {
        return perCaller;
    }

    /** A place among the caller's waits, to be closed when the wait ends; empty when they have no room left. */
    public Optional<Wait> begin(String caller) {
        AtomicBoolean admitted = new AtomicBoolean();
        waiting.compute(caller, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perCaller) {
                return count;
            }
            admitted.set(true);
            return now + 1;
        });
        return admitted.get() ? Optional.of(new Wait(caller)) : Optional.empty();
    }

    /** How many waits the caller has now. */
    public int waiting(String caller) {
        return waiting.getOrDefault(caller, 0);
    }

    /** One wait of one caller; closing it again changes nothing. */
    public final class Wait implements AutoCloseable {

        private final String caller;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Wait(String caller) {
            this.caller = caller;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                waiting.computeIfPresent(caller, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
