package jp.shinko.query.rows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.query.ProcessingGroups;
import jp.shinko.query.rows.ProgressRow.Settings;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.progress_row} up to date with every event, through {@link ProgressFold}, and
 * beside it the cross-city summary's counts ({@code query.city_year_count}, {@link CityYearCount}):
 * each changed row takes away what it counted before and adds what it counts now, so the summary
 * of every municipality is read from a few rows instead of every figure and status of the country.
 *
 * <p>The processor hands over events in batches, one transaction each. A batch first reads
 * every row its events touch in one query, changes them in memory and writes them together in
 * one JDBC batch when it commits, so a batch of hundreds of events costs a few round trips.
 *
 * <p>A figure's rating depends on its municipality's rating schemes, which another segment may
 * change at the same time (a plan's events and its municipality's are different aggregates). So
 * the counts change only under a lock per municipality, held to the end of the transaction, with
 * the settings as committed then: each changed row takes away what it counted as when the batch
 * began and adds what it counts as now; a municipality whose rating schemes change is counted
 * again from its stored rows instead, since every figure's rating may change with them.
 *
 * <p>Every plan whose rows a batch changes gets a new version in {@code query.plan_digest}, and
 * its digest for the views across cities is taken away, to be computed again when next read.
 */
@Component
@ProcessingGroup(ProgressProjection.PROCESSING_GROUP)
class ProgressProjection {

    static final String PROCESSING_GROUP = ProcessingGroups.PROGRESS;

    private static final String BATCH = ProgressProjection.class.getName() + ".batch";

    private final JdbcProgressRows stored;

    ProgressProjection(JdbcProgressRows stored) {
        this.stored = stored;
    }

    @EventHandler
    void on(Object event, @SequenceNumber Long position) {
        batch().fold(event, position == null ? 0 : position);
    }

    @ResetHandler
    void clearBeforeReplay() {
        stored.deleteAll();
    }

    private BatchRows batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            BatchRows rows = new BatchRows(stored);
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
                rows.readAll(batching.getMessages().stream()
                        .map(ProgressProjection::keyOf)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toSet()));
            }
            unitOfWork.onPrepareCommit(committing -> rows.flush());
            return rows;
        });
    }

    /**
     * The row an event changes, to read ahead with the batch's others; none for an event that
     * cannot be read, which fails (and is parked) when it is handled itself, not here.
     */
    private static Optional<RowKey> keyOf(Message<?> message) {
        try {
            return ProgressFold.keyOf(message.getPayload());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The rows one batch reads and changes, written with the counts they change when the batch commits. */
    private static final class BatchRows implements FoldedRows {

        private final JdbcProgressRows stored;
        private final Map<RowKey, ProgressRow> read = new HashMap<>();
        private final Set<RowKey> known = new HashSet<>();
        private final Map<RowKey, ProgressRow> changed = new LinkedHashMap<>();
        /** The rows the batch changed, as they were before it (null: none): what the counts hold for them. */
        private final Map<RowKey, ProgressRow> before = new HashMap<>();

        BatchRows(JdbcProgressRows stored) {
            this.stored = stored;
        }

        /** Reads the rows under these keys at once; a key without a row is then known to have none. */
        void readAll(Set<RowKey> keys) {
            stored.findAll(keys).forEach(row -> read.put(row.key(), row));
            known.addAll(keys);
        }

        @Override
        public Optional<ProgressRow> find(RowKey key) {
            if (known.add(key)) {
                stored.find(key).ifPresent(row -> read.put(key, row));
            }
            return Optional.ofNullable(read.get(key));
        }

        @Override
        public void put(ProgressRow row) {
            if (!before.containsKey(row.key())) {
                before.put(row.key(), find(row.key()).orElse(null));
            }
            read.put(row.key(), row);
            changed.put(row.key(), row);
        }

        void flush() {
            Set<String> recount = new TreeSet<>();
            Set<String> counted = new TreeSet<>();
            changed.forEach((key, row) -> {
                if (CityYearCount.counts(key.kind())) {
                    counted.add(key.municipalityCode());
                } else if (row instanceof Settings settings && !schemesOf(before.get(key)).equals(
                        settings.ratingSchemes())) {
                    recount.add(key.municipalityCode());
                }
            });
            counted.removeAll(recount);
            Set<String> locked = new TreeSet<>(counted);
            locked.addAll(recount);
            stored.lockCounts(locked);
            stored.putAll(List.copyOf(changed.values()));
            Map<String, Settings> settings = stored.settingsOf(counted);
            List<CityYearCount> changes = new ArrayList<>();
            changed.forEach((key, row) -> {
                if (counted.contains(key.municipalityCode()) && CityYearCount.counts(key.kind())) {
                    Settings in = settings.getOrDefault(key.municipalityCode(),
                            Settings.defaults(MunicipalityCode.of(key.municipalityCode())));
                    Optional.ofNullable(before.get(key)).flatMap(was -> CityYearCount.of(was, in))
                            .ifPresent(count -> changes.add(count.times(-1)));
                    CityYearCount.of(row, in).ifPresent(changes::add);
                }
            });
            stored.addCounts(CityYearCount.sum(changes));
            recount.forEach(stored::recount);
            stored.touchPlans(changed.keySet().stream().filter(key -> JdbcProgressRows.DIGESTED.contains(key.kind()))
                    .map(key -> new RowKey(key.municipalityCode(), key.planId(), RowKey.PLAN, key.planId()))
                    .collect(Collectors.toSet()));
        }

        private static List<RatingSchemeAdopted> schemesOf(ProgressRow settings) {
            return settings == null ? List.of() : ((Settings) settings).ratingSchemes();
        }
    }
}
