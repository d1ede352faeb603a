package jp.shinko.query.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.progress_row} up to date with every event, through {@link ProgressFold}.
 *
 * <p>The processor hands over events in batches, one transaction each. Within a batch, rows
 * are read once, changed in memory and written together in one JDBC batch when the batch
 * commits, so an event costs no round trip of its own unless its row is not yet in the batch.
 */
@Component
@ProcessingGroup(ProgressProjection.PROCESSING_GROUP)
class ProgressProjection {

    static final String PROCESSING_GROUP = "progress";

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
            unitOfWork.onPrepareCommit(committing -> rows.flush());
            return rows;
        });
    }

    /** The rows one batch reads and changes, written when the batch commits. */
    private static final class BatchRows implements FoldedRows {

        private final JdbcProgressRows stored;
        private final Map<RowKey, ProgressRow> read = new LinkedHashMap<>();
        private final Map<RowKey, ProgressRow> changed = new LinkedHashMap<>();

        BatchRows(JdbcProgressRows stored) {
            this.stored = stored;
        }

        @Override
        public Optional<ProgressRow> find(RowKey key) {
            return Optional.ofNullable(read.computeIfAbsent(key, missing -> stored.find(missing).orElse(null)));
        }

        @Override
        public void put(ProgressRow row) {
            read.put(row.key(), row);
            changed.put(row.key(), row);
        }

        void flush() {
            stored.putAll(List.copyOf(changed.values()));
        }
    }
}
