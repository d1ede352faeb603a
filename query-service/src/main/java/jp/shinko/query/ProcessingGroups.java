package jp.shinko.query;

import java.util.List;

/** The query service's event processors, by the names their tokens, metrics and dead letters carry. */
public final class ProcessingGroups {

    /**
     * Keeps {@code query.progress_row} with the counts and digests beside it, and
     * {@code query.municipality}: one processor, so the store is read and deserialized once for
     * every table. The municipalities' table had a processor of its own until migration 10; it read
     * and deserialized every event of the store for a few thousand registrations, about half of the
     * service's work in a rebuild (BENCHMARKS.md, tuning log 28).
     */
    public static final String PROGRESS = "progress";

    /** Every one of them. */
    public static final List<String> ALL = List.of(PROGRESS);

    private ProcessingGroups() {
    }
}
