package jp.shinko.web.upload;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an uploaded table would change, row by row: each row of the file that differs from the
 * records, with its cells before and after and the rows of the bulk endpoint that would record
 * them, or the problem that keeps it from being saved. Rows equal to the records are not listed:
 * they change nothing.
 *
 * @param rows the rows that differ, in the file's order
 */
record PendingChanges(List<ChangedRow> rows) implements Serializable {

    /** A cell that would change: its column as the file heads it, the recorded text, the uploaded text. */
    record CellChange(String column, String before, String after) implements Serializable {
    }

    /**
     * A row of the file that differs from the records.
     *
     * @param line the row's number in the file, as Excel shows it
     * @param itemId the item it records, null if the row names none
     * @param entries the bulk endpoint's rows that would record its changes (empty when it has a problem)
     * @param problem why it cannot be saved, in Japanese; null if it can
     */
    record ChangedRow(int line, String number, String title, String organisation, String itemId,
            List<CellChange> changes, List<Map<String, Object>> entries, String problem) implements Serializable {

        public boolean saveable() {
            return problem == null && !entries.isEmpty();
        }
    }

    /** The rows that can be saved. */
    public List<ChangedRow> saveable() {
        return rows.stream().filter(ChangedRow::saveable).toList();
    }

    /** The rows with problems. */
    public List<ChangedRow> problems() {
        return rows.stream().filter(row -> row.problem() != null).toList();
    }

    /**
     * The bulk endpoint's body for the saveable rows, each item once with the rows of all its
     * lines (an item of several organisations has one line per organisation).
     */
    Map<String, Object> tableRequest(String correctionReason) {
        Map<String, List<Map<String, Object>>> byItem = new LinkedHashMap<>();
        for (ChangedRow row : saveable()) {
            for (Map<String, Object> entry : row.entries()) {
                Map<String, Object> sent = new LinkedHashMap<>(entry);
                if (correctionReason != null && !correctionReason.isBlank()) {
                    sent.put("correctionReason", correctionReason.strip());
                }
                byItem.computeIfAbsent(row.itemId(), item -> new ArrayList<>()).add(sent);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        byItem.forEach((itemId, entries) -> items.add(Map.of("itemId", itemId, "entries", entries)));
        return Map.of("items", items);
    }
}
