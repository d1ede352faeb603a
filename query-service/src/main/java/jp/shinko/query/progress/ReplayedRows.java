package jp.shinko.query.progress;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.progress.ProgressRow.Item;
import jp.shinko.query.progress.ProgressRow.Status;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Progress rows folded in memory from the events recorded up to an instant, by the same
 * {@link ProgressFold} as the live projection: the rows as they stood at that instant.
 */
final class ReplayedRows implements CityRows {

    private final Map<RowKey, ProgressRow> rows = new HashMap<>();
    private final Map<String, String> municipalityNames = new TreeMap<>();

    /** The rows after these events, applied in the order given (the order they were stored). */
    static ReplayedRows of(List<? extends DomainEventMessage<?>> events) {
        ReplayedRows replayed = new ReplayedRows();
        events.forEach(replayed::apply);
        return replayed;
    }

    /** Applies the next event. */
    void apply(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof MunicipalityRegistered registered) {
            municipalityNames.putIfAbsent(registered.municipalityCode().value(), registered.name());
        }
        fold(event.getPayload(), event.getSequenceNumber());
    }

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
                .filter(row -> row.getKey().municipalityCode().equals(municipalityCode)
                        && row.getKey().planId().equals(planId) && row.getKey().kind().equals(kind))
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(RowKey::rowId)))
                .map(row -> type.cast(row.getValue()))
                .toList();
    }

    @Override
    public Map<String, String> municipalityNames() {
        return municipalityNames;
    }

    @Override
    public <R extends ProgressRow> List<R> listAcrossMunicipalities(String kind, Class<R> type) {
        return rows.entrySet().stream()
                .filter(row -> row.getKey().kind().equals(kind))
                .map(row -> type.cast(row.getValue()))
                .toList();
    }

    @Override
    public List<Item> themedItems(Optional<String> theme) {
        return listAcrossMunicipalities(RowKey.ITEM, Item.class).stream()
                .filter(item -> theme.map(item.content().focusThemes()::contains)
                        .orElse(!item.content().focusThemes().isEmpty()))
                .toList();
    }

    @Override
    public List<SymbolCount> statusSymbolCounts() {
        return listAcrossMunicipalities(RowKey.STATUS, Status.class).stream()
                .collect(Collectors.groupingBy(status -> new SymbolCount(status.municipalityCode().value(),
                        status.fiscalYear().value(), status.quarter().number(), status.symbol(), 0),
                        Collectors.counting()))
                .entrySet().stream()
                .map(count -> new SymbolCount(count.getKey().municipalityCode(), count.getKey().fiscalYear(),
                        count.getKey().quarter(), count.getKey().symbol(), count.getValue()))
                .toList();
    }
}
