package jp.shinko.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark and CRLF line ends: one heading line, then the rows.
 *
 * <p>Text that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return and has more after it) is written with a
 * leading {@code '}, as OWASP's guidance on CSV injection says, so that opening the export runs
 * nothing a clerk typed; a lone {@code -} (a status symbol) and numbers are written as they are.
 */
final class CsvWriter {

    private CsvWriter() {
    }

    static void write(Sheet sheet, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        line(writer, sheet.columns().stream().map(column -> (Object) column.heading()).toList());
        for (List<Object> row : sheet.rows()) {
            line(writer, row);
        }
        writer.flush();
    }

    private static void line(Writer writer, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(field(cells.get(i)));
        }
        writer.write("\r\n");
    }

    private static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell instanceof BigDecimal || cell instanceof Number ? plain(cell) : neutralised(cell.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String plain(Object number) {
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
    }

    /** Text as typed, with a leading {@code '} if a spreadsheet would read it as a formula. */
    static String neutralised(String text) {
        return text.length() > 1 && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
