package jp.shinko.query.export;

import java.util.List;

/**
 * A table as a city hands it to its council: title lines, columns (grouped under a fiscal year
 * where the original groups them) and rows, ready to be written as a workbook or as CSV.
 *
 * @param name the worksheet's name and the file's
 * @param titleLines printed above the table, such as the plan's name and the legend
 * @param columns the columns, left to right
 * @param rows the cells of each row: text, numbers or null for an empty cell
 * @param notes printed under the table, as Akiruno prints its 評価指標 under its table
 */
public record Sheet(String name, List<String> titleLines, List<Column> columns, List<List<Object>> rows,
        List<String> notes) {

    public Sheet {
        titleLines = List.copyOf(titleLines);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** A table with nothing printed under it. */
    public Sheet(String name, List<String> titleLines, List<Column> columns, List<List<Object>> rows) {
        this(name, titleLines, columns, rows, List.of());
    }

    /**
     * A column; {@code group} is printed once above consecutive columns that share it (令和5年度
     * over 年間目標, 実績, 評価) and is null for a column of its own.
     */
    public record Column(String group, String name) {

        public static Column of(String name) {
            return new Column(null, name);
        }

        /** The heading of the column on one line, as CSV has it. */
        String heading() {
            return group == null ? name : group + " " + name;
        }
    }
}
