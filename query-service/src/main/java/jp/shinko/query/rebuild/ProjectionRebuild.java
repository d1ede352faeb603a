package jp.shinko.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.query.position.ProjectionPositions;
import jp.shinko.query.rebuild.RebuildRecords.Rebuild;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every projection from the first event while every instance of the service keeps
 * answering. The state lives in {@code query.projection_rebuild}, and each instance follows it
 * every 250 ms:
 * <ol>
 * <li>{@code freezing}: the instance asked copies the tables and turns every instance's queries
 * to the copies ({@link ProjectionTables}); then {@code starting}.</li>
 * <li>{@code starting}: every instance stops its processors, which gives up their segments; once
 * no instance holds a segment, one instance resets the tokens (each projection's reset handler
 * empties its table) and the state becomes {@code running}.</li>
 * <li>{@code running}: every instance starts its processors again, and they replay the store,
 * splitting the segments between them; any instance that sees every projection reach the events
 * stored at the start ends the rebuild ({@code done}) and turns the queries to the live tables.</li>
 * </ol>
 * Progress goes to the log every few seconds and to the {@code shinko.rebuild.*} gauges. A
 * rebuild that has not begun replaying five minutes after it was asked for (an instance that does
 * not give up its segments, or one that died in a step) fails, and everything goes on from where
 * it was.
 */
@Component
class ProjectionRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** A rebuild that has not begun replaying this long after it was asked for is given up. */
    private static final Duration BEGUN_WITHIN = Duration.ofMinutes(5);
    /** Axon's JDBC token store lets another instance take a segment whose claim is this old. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final ProjectionTables tables;
    private final RebuildRecords records;
    private final ProjectionPositions positions;
    private final StoredPositions store;
    private final JdbcClient jdbc;
    private final String tokenTable;
    private final Clock clock;
    private volatile RebuildStatus status = RebuildStatus.NONE;
    private Long stoppedFor;
    private Long positionsFor;
    private Map<String, Long> lastPositions;
    private Instant loggedAt = Instant.EPOCH;

    ProjectionRebuild(EventProcessingConfiguration processing, ProjectionTables tables, RebuildRecords records,
            ProjectionPositions positions, StoredPositions store, JdbcClient jdbc,
            @Value("${shinko.event-store.token-table:query.token_entry}") String tokenTable, Clock clock,
            MeterRegistry metrics) {
        this.processing = processing;
        this.tables = tables;
        this.records = records;
        this.positions = positions;
        this.store = store;
        this.jdbc = jdbc;
        this.tokenTable = tokenTable;
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

    /** Where the running or last rebuild stands, as any instance sees it. */
    RebuildStatus status() {
        status = records.latest().map(this::statusOf).orElse(RebuildStatus.NONE);
        return status;
    }

    /** Starts a rebuild, or answers the one already on its way. */
    RebuildStatus start(String admin) {
        List<String> names = processors().stream().map(StreamingEventProcessor::getName).sorted().toList();
        Optional<Rebuild> begun = records.begin(names, admin, clock.instant(), store.head());
        if (begun.isEmpty()) {
            return status();
        }
        Rebuild rebuild = begun.get();
        try {
            tables.freeze();
            records.advance(rebuild.id(), "freezing", "starting");
            LOG.info("Rebuild of {} began, asked by {}: {} events to replay", names, admin, rebuild.totalEvents());
        } catch (RuntimeException failure) {
            records.fail(rebuild.id(), clock.instant(), failure.getMessage());
            LOG.error("Rebuild of {} failed before it began; the projections go on from where they were", names,
                    failure);
        }
        follow();
        return status();
    }

    /** Follows the current rebuild's state: every instance, every 250 ms. */
    @Scheduled(fixedDelay = 250)
    synchronized void follow() {
        try {
            Optional<Rebuild> latest = records.latest();
            if (latest.isEmpty() || !latest.get().active()) {
                restartProcessors();
                latest.ifPresent(rebuild -> status = statusOf(rebuild));
                return;
            }
            Rebuild rebuild = latest.get();
            switch (rebuild.state()) {
                case "freezing", "starting", "resetting" -> stopAndMaybeReset(rebuild);
                case "running" -> runAndMaybeFinish(rebuild);
                default -> throw new IllegalStateException("a rebuild is never " + rebuild.state());
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not follow the rebuild's state; trying again", failure);
        }
    }

    private void stopAndMaybeReset(Rebuild rebuild) {
        if (!Long.valueOf(rebuild.id()).equals(stoppedFor)) {
            processors().forEach(StreamingEventProcessor::shutDown);
            stoppedFor = rebuild.id();
        }
        List<String> holders = segmentHolders(rebuild.processors());
        if (clock.instant().isAfter(rebuild.startedAt().plus(BEGUN_WITHIN))) {
            String why = "it had not begun replaying " + BEGUN_WITHIN.toMinutes() + " minutes after it was asked for "
                    + "(" + rebuild.state() + (holders.isEmpty() ? "" : "; segments held by " + holders) + ")";
            if (records.fail(rebuild.id(), clock.instant(), why)) {
                tables.thaw();
                LOG.error("Rebuild {} failed: {}; the projections go on from where they were", rebuild.id(), why);
            }
            return;
        }
        if (!rebuild.state().equals("starting") || !holders.isEmpty()) {
            return;
        }
        if (records.advance(rebuild.id(), "starting", "resetting")) {
            try {
                processors().forEach(StreamingEventProcessor::resetTokens);
                records.advance(rebuild.id(), "resetting", "running");
            } catch (RuntimeException failure) {
                records.fail(rebuild.id(), clock.instant(), failure.getMessage());
                tables.thaw();
                LOG.error("Rebuild {} failed while resetting; the projections go on from where they were",
                        rebuild.id(), failure);
            }
        }
    }

    private void runAndMaybeFinish(Rebuild rebuild) {
        restartProcessors();
        if (!Long.valueOf(rebuild.id()).equals(positionsFor)) {
            lastPositions = store.lastPositionsUpTo(rebuild.totalEvents());
            positionsFor = rebuild.id();
        }
        boolean finished = positions.haveProcessedAll(lastPositions);
        if (finished && records.finish(rebuild.id(), clock.instant())) {
            tables.thaw();
            RebuildStatus done = statusOf(records.latest().orElseThrow());
            LOG.info("Rebuild of {} done: {} events in {} s, {} events/s", done.processors(), done.doneEvents(),
                    Duration.between(rebuild.startedAt(), clock.instant()).toSeconds(),
                    Math.round(orZero(done.eventsPerSecond())));
            status = done;
            return;
        }
        status = statusOf(rebuild);
        Instant now = clock.instant();
        if (!Duration.between(loggedAt, now).minus(LOG_EVERY).isNegative()) {
            loggedAt = now;
            LOG.info("Rebuild of {}: {} / {} events ({}%), {} events/s, about {} s left", status.processors(),
                    status.doneEvents(), status.totalEvents(),
                    status.doneEvents() * 100 / Math.max(1, status.totalEvents()),
                    Math.round(orZero(status.eventsPerSecond())), status.secondsLeft() == null ? "?"
                            : status.secondsLeft());
        }
    }

    /** Starts the processors this instance stopped for a rebuild that has moved on. */
    private void restartProcessors() {
        if (stoppedFor != null) {
            processors().forEach(StreamingEventProcessor::start);
            stoppedFor = null;
        }
    }

    /** The instances that hold a segment of these processors, by a claim younger than Axon's claim timeout. */
    private List<String> segmentHolders(List<String> processorNames) {
        Instant fresh = clock.instant().minus(CLAIM_TIMEOUT);
        return jdbc.sql("select owner, timestamp from " + tokenTable + " where owner is not null "
                        + "and processor_name in (:names)")
                .param("names", processorNames)
                .query((row, number) -> Instant.parse(row.getString(2)).isAfter(fresh) ? row.getString(1) : null)
                .list().stream().filter(owner -> owner != null).distinct().toList();
    }

    private RebuildStatus statusOf(Rebuild rebuild) {
        boolean done = rebuild.state().equals("done");
        long total = rebuild.totalEvents();
        long doneEvents = done ? total : rebuild.state().equals("running") ? Math.min(store.lowestIndex(), total) : 0;
        Instant end = rebuild.finishedAt() == null ? clock.instant() : rebuild.finishedAt();
        double seconds = Math.max(0.001, Duration.between(rebuild.startedAt(), end).toMillis() / 1000.0);
        double rate = doneEvents / seconds;
        Long left = done ? Long.valueOf(0) : rate > 0 ? Math.round((total - doneEvents) / rate) : null;
        String state = switch (rebuild.state()) {
            case "freezing", "starting", "resetting" -> "running";
            default -> rebuild.state();
        };
        return new RebuildStatus(state, rebuild.processors(), rebuild.startedBy(), TokyoTime.of(rebuild.startedAt()),
                rebuild.finishedAt() == null ? null : TokyoTime.of(rebuild.finishedAt()), total, doneEvents,
                doneEvents == 0 ? null : Math.round(rate * 10) / 10.0, rebuild.active() || done ? left : null,
                rebuild.failure());
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static double orZero(Number value) {
        return value == null ? 0 : value.doubleValue();
    }
}
