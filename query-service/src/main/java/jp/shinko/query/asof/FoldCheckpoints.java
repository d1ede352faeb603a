package jp.shinko.query.asof;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.query.rows.ReplayedRows;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * A municipality's rows folded from its first events, kept every {@value #INTERVAL} events, so
 * that an answer "as of" an instant folds at most that many events after the last checkpoint its
 * events begin with, not the municipality's whole history (issue 22: one municipality's table as
 * of a past instant). A checkpoint serves only events that begin with the very same event objects
 * it was folded from (the settled events {@code RecordedEvents} keeps in memory), compared one by
 * one: an event stored late in between, or events read again, never meet a checkpoint they do
 * not match. Kept for the municipalities asked about most recently, up to {@value #KEPT_ROWS}
 * rows in all; the rows themselves are shared between checkpoints, as they never change.
 */
@Component
public class FoldCheckpoints {

    /** Events between two checkpoints: the most an answer folds after one. */
    static final int INTERVAL = 250;
    /** Rows kept in all, weighed as the checkpoints' table entries (tens of bytes each). */
    private static final long KEPT_ROWS = 500_000;

    /** The rows after the first {@code count} of {@code events}. */
    private record Checkpoint(int count, List<? extends DomainEventMessage<?>> events, ReplayedRows rows) {

        boolean begins(List<? extends DomainEventMessage<?>> others) {
            if (others.size() < count) {
                return false;
            }
            for (int i = count - 1; i >= 0; i--) {
                if (others.get(i) != events.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Each municipality's checkpoints, in the order of their counts. */
    private final Cache<String, List<Checkpoint>> kept = Caffeine.newBuilder()
            .maximumWeight(KEPT_ROWS)
            .weigher((String municipality, List<Checkpoint> checkpoints) -> 1 + checkpoints.stream()
                    .mapToInt(checkpoint -> checkpoint.rows().size()).sum())
            .recordStats()
            .build();

    /** Events each answer folded after its checkpoint (all of them without one). */
    private final DistributionSummary folded;

    FoldCheckpoints(MeterRegistry metrics) {
        CaffeineCacheMetrics.monitor(metrics, kept, "fold-checkpoints");
        folded = DistributionSummary.builder("shinko.as-of.folded.events")
                .description("Events an answer about one municipality's past folded after the checkpoint it began at")
                .register(metrics);
    }

    /** The rows after a municipality's events (in stored order), folded from the latest checkpoint they begin with. */
    ReplayedRows fold(MunicipalityCode municipality, List<? extends DomainEventMessage<?>> events) {
        Checkpoint start = latestBeginning(kept.getIfPresent(municipality.value()), events);
        ReplayedRows rows = start == null ? new ReplayedRows() : start.rows().copy();
        List<Checkpoint> made = new ArrayList<>();
        for (int i = start == null ? 0 : start.count(); i < events.size(); i++) {
            rows.apply(events.get(i));
            if ((i + 1) % INTERVAL == 0) {
                made.add(new Checkpoint(i + 1, events, rows.copy()));
            }
        }
        folded.record(events.size() - (start == null ? 0 : start.count()));
        if (!made.isEmpty()) {
            kept.asMap().merge(municipality.value(), made, FoldCheckpoints::together);
        }
        return rows;
    }

    /** The checkpoint with the most events that the events begin with, looked for from the latest back. */
    private static Checkpoint latestBeginning(List<Checkpoint> known, List<? extends DomainEventMessage<?>> events) {
        for (int i = known == null ? -1 : known.size() - 1; i >= 0; i--) {
            if (known.get(i).begins(events)) {
                return known.get(i);
            }
        }
        return null;
    }

    /** The checkpoints kept before and those just made, one per count: a new one replaces an old one. */
    private static List<Checkpoint> together(List<Checkpoint> before, List<Checkpoint> made) {
        List<Checkpoint> all = new ArrayList<>(made);
        before.stream().filter(old -> made.stream().noneMatch(checkpoint -> checkpoint.count() == old.count()))
                .forEach(all::add);
        all.sort(Comparator.comparingInt(Checkpoint::count));
        return List.copyOf(all);
    }
}
