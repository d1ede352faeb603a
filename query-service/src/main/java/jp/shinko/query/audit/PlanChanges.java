package jp.shinko.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.query.export.Sheet.Column;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow;
import jp.shinko.query.rows.ReplayedRows;
import jp.shinko.query.rows.RowKey;
import org.axonframework.eventhandling.DomainEventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed in a whole plan between two recorded times: rows added, rows changed (each field
 * old → new) and items retired. Both sides are folded from the same events by the same fold as
 * the tables, so the difference is exactly between two "as of" answers.
 *
 * @param from the earlier instant (Tokyo time)
 * @param to the later instant (Tokyo time)
 * @param changes added, changed and retired rows, by kind and row
 */
record PlanChanges(String municipalityCode, PlanId planId, OffsetDateTime from, OffsetDateTime to,
        List<RowChange> changes) {

    /** The kinds of row, in the order a reader goes through a plan. */
    private static final List<String> KINDS = List.of(RowKey.SETTINGS, RowKey.PLAN, RowKey.ITEM, RowKey.FIGURE,
            RowKey.STATUS, RowKey.NARRATIVE, RowKey.KPI, RowKey.OBSERVATION);

    /** How one row differs: {@code added}, {@code changed} or {@code retired} (an item), with its fields. */
    record RowChange(String kind, String rowId, String change, List<FieldChange> fields) {
    }

    /** A field's value before and after; null where it had none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    /**
     * The difference between the plan's rows at {@code from} and at {@code to}, or empty if the
     * municipality had no such plan at {@code to}.
     *
     * @param events the municipality's events recorded up to {@code to}, in the order they were stored
     */
    static Optional<PlanChanges> between(MunicipalityCode municipality, PlanId planId, Instant from, Instant to,
            List<? extends DomainEventMessage<?>> events, JsonMapper json) {
        ReplayedRows after = ReplayedRows.of(events);
        if (after.find(RowKey.plan(municipality, planId)).isEmpty()) {
            return Optional.empty();
        }
        ReplayedRows before = ReplayedRows.of(events.stream()
                .filter(event -> !event.getTimestamp().isAfter(from)).toList());
        List<RowChange> changes = new ArrayList<>();
        for (String kind : KINDS) {
            String plan = kind.equals(RowKey.SETTINGS) ? "" : planId.value();
            Map<String, ProgressRow> earlier = byRowId(before, municipality, plan, kind);
            for (Map.Entry<String, ProgressRow> row : byRowId(after, municipality, plan, kind).entrySet()) {
                ProgressRow was = earlier.get(row.getKey());
                JsonNode now = json.valueToTree(row.getValue());
                if (was == null) {
                    changes.add(new RowChange(kind, row.getKey(), "added", fields(null, now)));
                } else {
                    List<FieldChange> fields = fields(json.valueToTree(was), now);
                    if (!fields.isEmpty()) {
                        boolean retired = row.getValue() instanceof Item item && item.retired()
                                && !((Item) was).retired();
                        changes.add(new RowChange(kind, row.getKey(), retired ? "retired" : "changed", fields));
                    }
                }
            }
        }
        return Optional.of(new PlanChanges(municipality.value(), planId, TokyoTime.of(from), TokyoTime.of(to),
                List.copyOf(changes)));
    }

    private static Map<String, ProgressRow> byRowId(ReplayedRows rows, MunicipalityCode municipality, String planId,
            String kind) {
        Map<String, ProgressRow> byRowId = new TreeMap<>();
        rows.list(municipality.value(), planId, kind, ProgressRow.class)
                .forEach(row -> byRowId.put(row.key().rowId(), row));
        return byRowId;
    }

    /** The top-level fields whose values differ; every field of a row that was not there before. */
    private static List<FieldChange> fields(JsonNode before, JsonNode after) {
        return after.propertyNames().stream()
                .filter(name -> before == null || !before.path(name).equals(after.path(name)))
                .sorted(Comparator.naturalOrder())
                .map(name -> new FieldChange(name, before == null || before.path(name).isMissingNode() ? null
                        : before.path(name), after.path(name)))
                .toList();
    }

    /** The changes as a sheet, one line per field: 種別, 行, 変更, 項目, 変更前, 変更後. */
    Sheet sheet() {
        List<List<Object>> rows = new ArrayList<>();
        for (RowChange change : changes) {
            for (FieldChange field : change.fields()) {
                rows.add(List.<Object>of(change.kind(), change.rowId(), change.change(), field.field(),
                        text(field.before()), text(field.after())));
            }
        }
        return new Sheet("変更一覧_" + planId, List.of(
                        "計画 " + planId + "（" + municipalityCode + "）の変更",
                        from + " から " + to + " まで（記録時刻）"),
                Stream.of("種別", "行", "変更", "項目", "変更前", "変更後").map(Column::of).toList(), rows);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }
}
