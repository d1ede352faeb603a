package jp.shinko.query.rows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.query.ProcessingGroups;
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
 * Keeps {@code query.progress_row} up to date with every event, through {@link ProgressFold}.
 *
 * <p>The processor hands over events in batches, one transaction each. A batch first reads
 * every row its events touch in one query, changes them in memory and writes them together in
 * one JDBC batch when it commits, so a batch of hundreds of events costs two round trips.
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

    /** The rows one batch reads and changes, written when the batch commits. */
    private static final class BatchRows implements FoldedRows {

        private final JdbcProgressRows stored;
        private final Map<RowKey, ProgressRow> read = new HashMap<>();
        private final Set<RowKey> known = new HashSet<>();
        private final Map<RowKey, ProgressRow> changed = new LinkedHashMap<>();

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
            known.add(row.key());
            read.put(row.key(), row);
            changed.put(row.key(), row);
        }

        void flush() {
            stored.putAll(List.copyOf(changed.values()));
        }
    }
}
