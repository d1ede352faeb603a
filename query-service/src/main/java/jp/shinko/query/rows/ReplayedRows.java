package jp.shinko.query.rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.ProgressRow.Settings;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Progress rows folded in memory from the events recorded up to an instant, by the same
 * {@link ProgressFold} as the live projection: the rows as they stood at that instant.
 */
public final class ReplayedRows implements CityRows {

    /** Rows by municipality, plan and kind ("table"), each table's rows in row-id order. */
    private final Map<List<String>, TreeMap<String, ProgressRow>> tables = new HashMap<>();
    private final Map<String, String> municipalityNames = new TreeMap<>();

    /** The rows after these events, applied in the order given (the order they were stored). */
    public static ReplayedRows of(List<? extends DomainEventMessage<?>> events) {
        ReplayedRows replayed = new ReplayedRows();
        events.forEach(replayed::apply);
        return replayed;
    }

    /** The same rows, to fold further without changing these: the tables are copied, the rows (immutable) shared. */
    public ReplayedRows copy() {
        ReplayedRows copy = new ReplayedRows();
        tables.forEach((table, rows) -> copy.tables.put(table, new TreeMap<>(rows)));
        copy.municipalityNames.putAll(municipalityNames);
        return copy;
    }

    /** How many rows there are. */
    public int size() {
        return tables.values().stream().mapToInt(TreeMap::size).sum();
    }

    /** Applies the next event. */
    public void apply(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof MunicipalityRegistered registered) {
            municipalityNames.putIfAbsent(registered.municipalityCode().value(), registered.name());
        }
        fold(event.getPayload(), event.getSequenceNumber());
    }

    @Override
    public Optional<ProgressRow> find(RowKey key) {
        return Optional.ofNullable(tables.get(table(key.municipalityCode(), key.planId(), key.kind())))
                .map(table -> table.get(key.rowId()));
    }

    @Override
    public void put(ProgressRow row) {
        RowKey key = row.key();
        tables.computeIfAbsent(table(key.municipalityCode(), key.planId(), key.kind()), table -> new TreeMap<>())
                .put(key.rowId(), row);
    }

    @Override
    public <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind, Class<R> type) {
        TreeMap<String, ProgressRow> table = tables.get(table(municipalityCode, planId, kind));
        return table == null ? List.of() : table.values().stream().map(type::cast).toList();
    }

    @Override
    public Set<String> rowIds(String municipalityCode, PlanId planId, String kind) {
        TreeMap<String, ProgressRow> table = tables.get(table(municipalityCode, planId.value(), kind));
        return table == null ? Set.of() : Set.copyOf(table.keySet());
    }

    @Override
    public List<Plan> plans(String municipalityCode) {
        return tables.entrySet().stream()
                .filter(table -> table.getKey().get(0).equals(municipalityCode)
                        && table.getKey().get(2).equals(RowKey.PLAN))
                .flatMap(table -> table.getValue().values().stream())
                .map(Plan.class::cast)
                .sorted(Comparator.comparing(plan -> plan.planId().value()))
                .toList();
    }

    private static List<String> table(String municipalityCode, String planId, String kind) {
        return List.of(municipalityCode, planId, kind);
    }

    @Override
    public Map<String, String> municipalityNames() {
        return municipalityNames;
    }

    @Override
    public <R extends ProgressRow> List<R> listAcrossMunicipalities(String kind, Class<R> type) {
        return tables.entrySet().stream()
                .filter(table -> table.getKey().get(2).equals(kind))
                .flatMap(table -> table.getValue().values().stream())
                .map(type::cast)
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
    public CityYearPage cityYearCounts(CityYearScope scope, int page, int size) {
        Map<String, Settings> settings = settingsOf(municipalityCodes());
        List<CityYearCount> counts = new ArrayList<>();
        for (String kind : List.of(RowKey.FIGURE, RowKey.STATUS)) {
            for (ProgressRow row : listAcrossMunicipalities(kind, ProgressRow.class)) {
                String code = row.key().municipalityCode();
                CityYearCount.of(row, settings.getOrDefault(code, Settings.defaults(MunicipalityCode.of(code))))
                        .filter(count -> scope.includes(count.municipalityCode(), count.fiscalYear()))
                        .ifPresent(counts::add);
            }
        }
        return CityYearPage.of(CityYearCount.sum(counts), page, size);
    }

    @Override
    public Map<String, Settings> settingsOf(Collection<String> municipalityCodes) {
        return listAcrossMunicipalities(RowKey.SETTINGS, Settings.class).stream()
                .filter(settings -> municipalityCodes.contains(settings.municipalityCode().value()))
                .collect(Collectors.toMap(settings -> settings.municipalityCode().value(), settings -> settings));
    }

    private Set<String> municipalityCodes() {
        return tables.keySet().stream().map(table -> table.get(0)).collect(Collectors.toSet());
    }
}
