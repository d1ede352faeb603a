package jp.shinko.query.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Progress rows built in memory, for an answer about an earlier instant. */
final class MemoryProgressRows implements ProgressRows {

    private final Map<RowKey, ProgressRow> rows = new LinkedHashMap<>();

    @Override
    public Optional<ProgressRow> find(RowKey key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public void put(ProgressRow row) {
        rows.put(row.key(), row);
    }

    @Override
    public <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind, Class<R> type) {
        return rows.entrySet().stream()
                .filter(entry -> entry.getKey().municipalityCode().equals(municipalityCode)
                        && entry.getKey().planId().equals(planId) && entry.getKey().kind().equals(kind))
                .map(entry -> type.cast(entry.getValue()))
                .toList();
    }
}
