package jp.shinko.query.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a rebuild of the projections stands: events processed of those stored when it began,
 * the rate so far and the time it should still take.
 *
 * @param state running, done or failed; none before the first rebuild
 * @param processors the processing groups rebuilt
 * @param startedBy the admin who asked for it
 * @param totalEvents the events stored when it began (the head of the store's global index)
 * @param doneEvents how many of them every projection has processed
 * @param eventsPerSecond the rate since it began
 * @param secondsLeft at that rate, until every projection has processed them all
 * @param failure why it failed, if it did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(String state, List<String> processors, String startedBy, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, long totalEvents, long doneEvents, Double eventsPerSecond, Long secondsLeft,
        String failure) {

    static final RebuildStatus NONE = new RebuildStatus("none", List.of(), null, null, null, 0, 0, null, null, null);

    boolean running() {
        return "running".equals(state);
    }
}
