package jp.shinko.query.position;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.shinko.infra.eventstore.StoredPositions.SegmentPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The queries waiting for the projections to reach a position, checked together every 20 ms
 * by one thread: one read of the segments' positions (and one of the waited-for events'
 * aggregates, for those not known yet) serves every waiting query, and no request thread is
 * held while they wait.
 */
@Component
class PositionWaiters {

    private static final Logger LOG = LoggerFactory.getLogger(PositionWaiters.class);
    private static final long CHECK_EVERY_MS = 20;

    private final ProjectionPositions positions;
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "position-waiters");
        thread.setDaemon(true);
        return thread;
    });

    PositionWaiters(ProjectionPositions positions, MeterRegistry metrics) {
        this.positions = positions;
        Gauge.builder("shinko.read.your.writes.waiting", waiting, Queue::size)
                .description("Queries waiting for the projections to reach the position a command answered")
                .register(metrics);
        checker.scheduleWithFixedDelay(this::check, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** A query waiting until a position is processed or a deadline (in {@link System#nanoTime()}) passes. */
    static final class Waiter {

        private final long position;
        private final long deadline;
        private final Consumer<Boolean> whenDone;
        private Optional<String> aggregate = Optional.empty();

        Waiter(long position, long deadline, Consumer<Boolean> whenDone) {
            this.position = position;
            this.deadline = deadline;
            this.whenDone = whenDone;
        }
    }

    /** Whether the projections have processed the position now. */
    boolean reached(long position) {
        return positions.haveProcessed(position);
    }

    /** Calls the waiter back, on this class's thread, once the position is processed or its deadline passed. */
    void await(Waiter waiter) {
        waiting.add(waiter);
    }

    /** How many queries wait now. */
    int waiting() {
        return waiting.size();
    }

    private void check() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            List<Long> unknown = waiting.stream().filter(waiter -> waiter.aggregate.isEmpty())
                    .map(waiter -> waiter.position).distinct().toList();
            Map<Long, String> aggregates = positions.aggregatesAt(unknown);
            List<SegmentPosition> segments = positions.segments();
            long now = System.nanoTime();
            for (Waiter waiter : waiting) {
                if (waiter.aggregate.isEmpty()) {
                    waiter.aggregate = Optional.ofNullable(aggregates.get(waiter.position));
                }
                boolean reached = ProjectionPositions.haveProcessed(waiter.position, waiter.aggregate, segments);
                if ((reached || now - waiter.deadline >= 0) && waiting.remove(waiter)) {
                    answer(waiter, reached);
                }
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not read the projections' positions; the waiting queries are checked again", failure);
            long now = System.nanoTime();
            waiting.removeIf(waiter -> {
                boolean late = now - waiter.deadline >= 0;
                if (late) {
                    answer(waiter, false);
                }
                return late;
            });
        }
    }

    private static void answer(Waiter waiter, boolean reached) {
        try {
            waiter.whenDone.accept(reached);
        } catch (RuntimeException failure) {
            LOG.debug("A waiting query could not be answered (its client may be gone)", failure);
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
        waiting.forEach(waiter -> answer(waiter, false));
        waiting.clear();
    }
}
