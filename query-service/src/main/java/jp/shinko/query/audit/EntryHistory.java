package jp.shinko.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.progress.AboutEntry;
import jp.shinko.events.progress.Correctable;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.infra.security.ActorMetaData;
import jp.shinko.query.rows.ProgressFold;
import jp.shinko.query.rows.ProgressRow;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Narrative;
import jp.shinko.query.rows.ProgressRow.Observation;
import jp.shinko.query.rows.ProgressRow.Status;
import jp.shinko.query.rows.RowKey;
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
     * A value of one cell that is followed through the events.
     *
     * @param description what it is, as the answer repeats it
     * @param municipality the municipality
     * @param planId the plan
     * @param cell the cell
     * @param setBy which of the cell's events set this value (a review sheet's events set one field each)
     * @param value the value in the cell's row
     */
    record Entry(Map<String, String> description, MunicipalityCode municipality, PlanId planId, EntryRef cell,
            Predicate<Object> setBy, Function<ProgressRow, Object> value) {

        /** The row the cell is in. */
        RowKey key() {
            return RowKey.of(municipality, planId, cell);
        }

        static Entry figure(Map<String, String> description, MunicipalityCode municipality, PlanId planId,
                EntryRef.AnnualFigure cell) {
            return new Entry(description, municipality, planId, cell, event -> true, row -> switch (cell.figure()) {
                case TARGET -> ((Figure) row).target();
                case ACTUAL -> ((Figure) row).actual();
            });
        }

        static Entry cityRating(Map<String, String> description, MunicipalityCode municipality, PlanId planId,
                EntryRef.CityRating cell) {
            return new Entry(description, municipality, planId, cell, event -> true, row -> {
                Figure figure = (Figure) row;
                Map<String, String> value = new LinkedHashMap<>();
                value.put("rating", figure.cityRating());
                value.put("reason", figure.cityRatingReason());
                return value;
            });
        }

        static Entry status(Map<String, String> description, MunicipalityCode municipality, PlanId planId,
                EntryRef.QuarterStatus cell) {
            return new Entry(description, municipality, planId, cell, event -> true, row -> {
                Status status = (Status) row;
                Map<String, String> value = new LinkedHashMap<>();
                value.put("symbol", status.symbol());
                value.put("reasonCode", status.reasonCode());
                value.put("remark", status.remark());
                return value;
            });
        }

        static Entry observation(Map<String, String> description, MunicipalityCode municipality, PlanId planId,
                EntryRef.KpiObservation cell) {
            return new Entry(description, municipality, planId, cell, event -> true, row -> {
                Observation observation = (Observation) row;
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("figure", observation.figure());
                value.put("publishedOn", observation.publishedOn());
                return value;
            });
        }

        static Entry narrative(Map<String, String> description, MunicipalityCode municipality, PlanId planId,
                EntryRef.ReviewSheet cell, NarrativeField field) {
            return new Entry(description, municipality, planId, cell,
                    event -> ((NarrativeRevised) event).field() == field, row -> ((Narrative) row).text(field));
        }

        /** Whether the event fills in this cell of this plan. */
        boolean isAbout(Object event) {
            return event instanceof AboutEntry about && about.entryRef().equals(cell)
                    && about.planId().equals(planId) && ((DomainEvent) event).municipalityCode().equals(municipality);
        }
    }

    /** The entry's changes among a municipality's events, in the order they were stored. */
    static EntryHistory of(Entry entry, List<? extends DomainEventMessage<?>> events) {
        List<Change> changes = new ArrayList<>();
        ProgressRow row = null;
        for (DomainEventMessage<?> message : events) {
            Object event = message.getPayload();
            if (!entry.isAbout(event)) {
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
        return event instanceof Correctable correctable ? correctable.correctionReason() : null;
    }
}
