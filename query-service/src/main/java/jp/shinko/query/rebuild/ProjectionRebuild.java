package jp.shinko.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.query.position.ProjectionPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every projection from the first event while the service keeps answering: the
 * processors stop, queries turn to a frozen copy of the tables, the tokens are reset (each
 * projection's reset handler empties its table) and the processors replay the store. Progress
 * goes to the log every few seconds and to the {@code shinko.rebuild.*} gauges; when every
 * projection has reached the events stored at the start, queries read the live tables again.
 *
 * <p>Only one rebuild runs at a time. With several instances of the service, the others' queries
 * read the live tables while they fill up.
 */
@Component
class ProjectionRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final ProjectionTables tables;
    private final ProjectionPositions positions;
    private final StoredPositions store;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.NONE;
    private Map<String, Long> lastPositions;
    private Instant startedAt;
    private Instant loggedAt;

    ProjectionRebuild(EventProcessingConfiguration processing, ProjectionTables tables,
            ProjectionPositions positions, StoredPositions store, Clock clock, MeterRegistry metrics) {
        this.processing = processing;
        this.tables = tables;
        this.positions = positions;
        this.store = store;
        this.clock = clock;
        Gauge.builder("shinko.rebuild.events.to.replay", () -> status.totalEvents())
                .description("Events stored when the running or last rebuild began").register(metrics);
        Gauge.builder("shinko.rebuild.events.done", () -> status.doneEvents())
                .description("Of those, the events every projection has processed again").register(metrics);
        Gauge.builder("shinko.rebuild.events.per.second", () -> orZero(status.eventsPerSecond()))
                .description("Events per second since the rebuild began").register(metrics);
        Gauge.builder("shinko.rebuild.remaining", () -> orZero(status.secondsLeft())).baseUnit("seconds")
                .description("Estimated time until the rebuild is done").register(metrics);
        Gauge.builder("shinko.rebuild.running", () -> status.running() ? 1 : 0)
                .description("1 while a rebuild runs").register(metrics);
    }

    RebuildStatus status() {
        return status;
    }

    /** Starts a rebuild, or answers the one already running. */
    synchronized RebuildStatus start(String admin) {
        if (status.running()) {
            return status;
        }
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        List<String> names = processors.stream().map(StreamingEventProcessor::getName).sorted().toList();
        startedAt = clock.instant();
        loggedAt = startedAt;
        long total = store.head();
        lastPositions = store.lastPositionsUpTo(total);
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            tables.freeze();
            processors.forEach(StreamingEventProcessor::resetTokens);
        } catch (RuntimeException failure) {
            tables.thaw();
            processors.forEach(StreamingEventProcessor::start);
            status = new RebuildStatus("failed", names, admin, TokyoTime.of(startedAt), TokyoTime.of(clock.instant()),
                    total, 0, null, null, failure.getMessage());
            LOG.error("Rebuild of {} failed before it began; the projections go on from where they were", names,
                    failure);
            return status;
        }
        processors.forEach(StreamingEventProcessor::start);
        status = new RebuildStatus("running", names, admin, TokyoTime.of(startedAt), null, total, 0, null, null,
                null);
        LOG.info("Rebuild of {} began, asked by {}: {} events to replay", names, admin, total);
        monitor.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return status;
    }

    private void check() {
        try {
            boolean finished = positions.haveProcessedAll(lastPositions);
            long done = finished ? status.totalEvents() : Math.min(store.lowestIndex(), status.totalEvents());
            Instant now = clock.instant();
            double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
            double rate = done / seconds;
            Long left = rate > 0 ? Math.round((status.totalEvents() - done) / rate) : null;
            status = new RebuildStatus(finished ? "done" : "running", status.processors(), status.startedBy(),
                    status.startedAt(), finished ? TokyoTime.of(now) : null, status.totalEvents(), done,
                    Math.round(rate * 10) / 10.0, finished ? 0L : left, null);
            if (finished) {
                tables.thaw();
                LOG.info("Rebuild of {} done: {} events in {} s, {} events/s", status.processors(), done,
                        String.format("%.1f", seconds), Math.round(rate));
                return;
            }
            if (!Duration.between(loggedAt, now).minus(LOG_EVERY).isNegative()) {
                loggedAt = now;
                LOG.info("Rebuild of {}: {} / {} events ({}%), {} events/s, about {} s left", status.processors(),
                        done, status.totalEvents(), done * 100 / Math.max(1, status.totalEvents()), Math.round(rate),
                        left == null ? "?" : left);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not read the rebuild's progress; trying again", failure);
        }
        monitor.schedule(this::check, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static double orZero(Number value) {
        return value == null ? 0 : value.doubleValue();
    }
}
