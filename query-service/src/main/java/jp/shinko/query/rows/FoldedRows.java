package jp.shinko.query.rows;

import java.util.Optional;

/** Rows that events are folded into through {@link ProgressFold}, wherever they are kept. */
public interface FoldedRows {

    Optional<ProgressRow> find(RowKey key);

    void put(ProgressRow row);

    /** Applies one event; events that touch no progress row change nothing. */
    default void fold(Object event, long position) {
        ProgressFold.keyOf(event).ifPresent(key ->
                put(ProgressFold.apply(find(key).orElse(null), event, position)));
    }
}
