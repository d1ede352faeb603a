package jp.shinko.query.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.infra.security.ActorMetaData;
import jp.shinko.query.progress.ProgressRow.Figure;
import jp.shinko.query.progress.ProgressRow.Narrative;
import jp.shinko.query.progress.ProgressRow.Observation;
import jp.shinko.query.progress.ProgressRow.Status;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Every change of one value of the tables (a target, an actual, a quarter's status, a KPI
 * figure, a narrative field): old value, new value, when it was recorded, who recorded it and
 * why, if it corrected an earlier value. Worked out by the same fold as the tables.
 *
 * @param entry what the value is, as asked for
 * @param changes the changes in the order they were recorded
 */
record EntryHistory(Map<String, String> entry, List<Change> changes) {

    /** One change of the value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(OffsetDateTime recordedAt, String eventId, String eventType, Object before, Object after,
            String correctionReason, Actor actor) {
    }

    /**
     * A value of one row that is followed through the events.
     *
     * @param description what it is, as the answer repeats it
     * @param key the row it is in
     * @param setBy which events set this value (others may change the row's other values)
     * @param value the value in the row
     */
    record Entry(Map<String, String> description, RowKey key, Predicate<Object> setBy,
            Function<ProgressRow, Object> value) {

        static Entry target(Map<String, String> description, RowKey key) {
            return new Entry(description, key, AnnualTargetSet.class::isInstance, row -> ((Figure) row).target());
        }

        static Entry actual(Map<String, String> description, RowKey key) {
            return new Entry(description, key, AnnualActualRecorded.class::isInstance,
                    row -> ((Figure) row).actual());
        }

        static Entry status(Map<String, String> description, RowKey key) {
            return new Entry(description, key, event -> true, row -> {
                Status status = (Status) row;
                Map<String, String> value = new LinkedHashMap<>();
                value.put("symbol", status.symbol());
                value.put("reasonCode", status.reasonCode());
                value.put("remark", status.remark());
                return value;
            });
        }

        static Entry observation(Map<String, String> description, RowKey key) {
            return new Entry(description, key, event -> true, row -> {
                Observation observation = (Observation) row;
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("figure", observation.figure());
                value.put("publishedOn", observation.publishedOn());
                return value;
            });
        }

        static Entry narrative(Map<String, String> description, RowKey key, NarrativeField field) {
            return new Entry(description, key, event -> ((NarrativeRevised) event).field() == field, row -> {
                Narrative sheet = (Narrative) row;
                return switch (field) {
                    case PLANNED_CONTENT -> sheet.plannedContent();
                    case GOALS_AND_FOCUS -> sheet.goalsAndFocus();
                    case RESULTS -> sheet.results();
                    case ISSUES_AHEAD -> sheet.issuesAhead();
                };
            });
        }
    }

    /** The entry's changes among a municipality's events, in the order they were stored. */
    static EntryHistory of(Entry entry, List<? extends DomainEventMessage<?>> events) {
        List<Change> changes = new ArrayList<>();
        ProgressRow row = null;
        for (DomainEventMessage<?> message : events) {
            Object event = message.getPayload();
            if (!ProgressFold.keyOf(event).map(entry.key()::equals).orElse(false)) {
                continue;
            }
            ProgressRow after = ProgressFold.apply(row, event, message.getSequenceNumber());
            if (entry.setBy().test(event)) {
                changes.add(new Change(TokyoTime.of(message.getTimestamp()), message.getIdentifier(),
                        EventCatalogue.typeOf(event.getClass()).name(), row == null ? null : entry.value().apply(row),
                        entry.value().apply(after), correctionReason(event),
                        ActorMetaData.from(message.getMetaData()).orElse(null)));
            }
            row = after;
        }
        return new EntryHistory(entry.description(), List.copyOf(changes));
    }

    private static String correctionReason(Object event) {
        if (event instanceof AnnualTargetSet e) {
            return e.correctionReason();
        }
        if (event instanceof AnnualActualRecorded e) {
            return e.correctionReason();
        }
        if (event instanceof PeriodStatusRecorded e) {
            return e.correctionReason();
        }
        if (event instanceof NarrativeRevised e) {
            return e.correctionReason();
        }
        return null;
    }
}
