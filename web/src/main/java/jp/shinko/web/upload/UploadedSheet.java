package jp.shinko.web.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A table a clerk uploads: the workbook or CSV file the query service exports, after editing it
 * in Excel. Read as the export writes it: title lines, a row of fiscal-year groups where there
 * are groups, the headings (the row that starts with 番号 or names it), then one line per row.
 * A heading under a group reads as the CSV writes it, {@code 令和7年度 実績}.
 *
 * @param titleLines the text above the headings (the plan's name and year, the legend)
 * @param headings the columns, left to right
 * @param rows the rows under the headings, each cell as text (numbers plainly, without grouping)
 */
record UploadedSheet(List<String> titleLines, List<String> headings, List<Line> rows) implements Serializable {

    /** The largest file read: an exported table of thousands of rows is far smaller. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final String KEY_HEADING = "番号";

    /**
     * A row of the file.
     *
     * @param number its row number as Excel shows it (1 for the first line), to name it in problems
     * @param cells its cells under {@link #headings()}, blank where empty
     */
    record Line(int number, List<String> cells) implements Serializable {
    }

    /** The cell of a row under a heading; blank if the file has no such column. */
    String cell(Line line, String heading) {
        int column = headings.indexOf(heading);
        return column < 0 || column >= line.cells().size() ? "" : line.cells().get(column);
    }

    boolean has(String heading) {
        return headings.contains(heading);
    }

    /**
     * Reads an uploaded file by its name: {@code .xlsx} as a workbook (its first sheet), {@code .csv}
     * as the UTF-8 CSV the export writes.
     *
     * @throws UnreadableUpload naming what is wrong with the file, in Japanese
     */
    static UploadedSheet read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw new UnreadableUpload("ファイルが空です。書き出したファイルを選んでください。");
        }
        if (content.length > MAX_BYTES) {
            throw new UnreadableUpload("ファイルが大きすぎます（10MBまで）。");
        }
        if (name.endsWith(".xlsx")) {
            return workbook(content);
        }
        if (name.endsWith(".csv")) {
            return csv(new String(content, StandardCharsets.UTF_8));
        }
        throw new UnreadableUpload("読み込めるのは Excel ブック（.xlsx）と CSV（.csv）です。");
    }

    private static UploadedSheet workbook(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.JAPAN);
            List<List<String>> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (Row row : sheet) {
                // a row Excel left empty is absent from the file: it is the blank line before the notes
                while (!numbers.isEmpty() && numbers.get(numbers.size() - 1) < row.getRowNum()) {
                    numbers.add(numbers.get(numbers.size() - 1) + 1);
                    lines.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
                    cells.add(text(row.getCell(column), formatter));
                }
                lines.add(cells);
                numbers.add(row.getRowNum() + 1);
            }
            // a group merged over its columns keeps its text in the first cell only once Excel saves it
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                int index = numbers.indexOf(merged.getFirstRow() + 1);
                if (index >= 0 && merged.getFirstRow() == merged.getLastRow()) {
                    List<String> cells = lines.get(index);
                    String text = merged.getFirstColumn() < cells.size() ? cells.get(merged.getFirstColumn()) : "";
                    for (int column = merged.getFirstColumn(); column <= merged.getLastColumn(); column++) {
                        while (cells.size() <= column) {
                            cells.add("");
                        }
                        cells.set(column, text);
                    }
                }
            }
            return of(lines, numbers);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof UnreadableUpload upload) {
                throw upload;
            }
            throw new UnreadableUpload("Excel ブックとして読み込めませんでした（" + unreadable.getClass().getSimpleName()
                    + "）。このシステムから書き出したブックを選んでください。");
        }
    }

    /** A cell's text; a number plainly, as typed (18, 12.5), never with grouping or exponent. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getRichStringCellValue().getString().strip();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static UploadedSheet csv(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startedOn = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                    line += c == '\n' ? 1 : 0;
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(unneutralised(field.toString()));
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(unneutralised(field.toString()));
                field.setLength(0);
                lines.add(cells);
                numbers.add(startedOn);
                cells = new ArrayList<>();
                startedOn = ++line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UnreadableUpload("CSV の " + startedOn + " 行目の引用符（\"）が閉じられていません。");
        }
        if (!field.isEmpty() || !cells.isEmpty()) {
            cells.add(unneutralised(field.toString()));
            lines.add(cells);
            numbers.add(startedOn);
        }
        return of(lines, numbers);
    }

    /** The export writes text a spreadsheet would take for a formula with a leading {@code '}: read it back. */
    private static String unneutralised(String text) {
        String cell = text.strip();
        return cell.length() > 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static UploadedSheet of(List<List<String>> lines, List<Integer> numbers) {
        int headingLine = -1;
        for (int i = 0; i < lines.size() && headingLine < 0; i++) {
            if (lines.get(i).contains(KEY_HEADING)) {
                headingLine = i;
            }
        }
        if (headingLine < 0) {
            throw new UnreadableUpload("見出しの行（「番号」の列）が見つかりません。このシステムから書き出した表を選んでください。");
        }
        List<String> names = lines.get(headingLine);
        List<String> groups = headingLine > 0 ? lines.get(headingLine - 1) : List.of();
        boolean grouped = groups.size() > 1 && groups.stream().filter(group -> !group.isBlank()).count() > 1;
        List<String> headings = new ArrayList<>();
        for (int column = 0; column < names.size(); column++) {
            String group = grouped && column < groups.size() ? groups.get(column) : "";
            headings.add(group.isBlank() ? names.get(column) : group + " " + names.get(column));
        }
        List<String> titleLines = lines.subList(0, grouped ? headingLine - 1 : headingLine).stream()
                .map(cells -> String.join(" ", cells).strip()).filter(title -> !title.isEmpty()).toList();
        List<Line> rows = new ArrayList<>();
        for (int i = headingLine + 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.isEmpty() || cells.stream().allMatch(String::isBlank)) {
                break; // the notes under the table (Akiruno's 評価指標) follow a blank line
            }
            rows.add(new Line(numbers.get(i), List.copyOf(cells)));
        }
        return new UploadedSheet(List.copyOf(titleLines), List.copyOf(headings), List.copyOf(rows));
    }
}
