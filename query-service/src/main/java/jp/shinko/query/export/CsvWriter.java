package jp.shinko.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV in UTF-8 with a byte order mark and CRLF line ends: one heading line, then the rows. */
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
        String text = cell instanceof BigDecimal number ? number.toPlainString() : cell.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
