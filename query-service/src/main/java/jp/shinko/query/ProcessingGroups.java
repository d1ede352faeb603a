package jp.shinko.query;

import java.util.List;

/** The query service's event processors, by the names their tokens, metrics and dead letters carry. */
public final class ProcessingGroups {

    /** Keeps {@code query.progress_row}. */
    public static final String PROGRESS = "progress";

    /** Keeps {@code query.municipality}. */
    public static final String MUNICIPALITIES = "municipalities";

    /** Every one of them. */
    public static final List<String> ALL = List.of(PROGRESS, MUNICIPALITIES);

    private ProcessingGroups() {
    }
}
