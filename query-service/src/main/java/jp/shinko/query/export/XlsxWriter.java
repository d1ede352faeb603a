package jp.shinko.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A sheet as an Excel workbook: title lines, a row of fiscal-year groups merged over their
 * columns where there are groups, the column headings, then the rows; columns as wide as their
 * text (a full-width character counts twice), long text wrapped, the headings frozen.
 */
final class XlsxWriter {

    /** Widest column, in characters; longer text wraps. */
    private static final int MAX_WIDTH = 50;

    private XlsxWriter() {
    }

    static void write(Sheet sheet, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet worksheet = workbook.createSheet(sheet.name());
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setAlignment(HorizontalAlignment.CENTER);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            heading.setWrapText(true);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            bordered(heading);
            CellStyle text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            bordered(text);
            CellStyle number = workbook.createCellStyle();
            number.cloneStyleFrom(text);
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));

            int at = 0;
            for (String line : sheet.titleLines()) {
                styled(worksheet.createRow(at++), 0, title).setCellValue(line);
            }
            if (!sheet.titleLines().isEmpty()) {
                at++;
            }
            List<Sheet.Column> columns = sheet.columns();
            if (columns.stream().anyMatch(column -> column.group() != null)) {
                Row groups = worksheet.createRow(at);
                for (int i = 0; i < columns.size(); i++) {
                    styled(groups, i, heading).setCellValue(Objects.requireNonNullElse(columns.get(i).group(), ""));
                }
                for (int first = 0; first < columns.size(); ) {
                    int last = first;
                    while (last + 1 < columns.size() && columns.get(first).group() != null
                            && columns.get(first).group().equals(columns.get(last + 1).group())) {
                        last++;
                    }
                    if (last > first) {
                        worksheet.addMergedRegion(new CellRangeAddress(at, at, first, last));
                    }
                    first = last + 1;
                }
                at++;
            }
            Row headings = worksheet.createRow(at++);
            int[] widths = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                styled(headings, i, heading).setCellValue(columns.get(i).name());
                widths[i] = width(columns.get(i).name());
            }
            worksheet.createFreezePane(0, at);
            for (List<Object> cells : sheet.rows()) {
                Row row = worksheet.createRow(at++);
                for (int i = 0; i < cells.size(); i++) {
                    Object cell = cells.get(i);
                    Cell written = styled(row, i, cell instanceof Number ? number : text);
                    if (cell instanceof Number value) {
                        written.setCellValue(value.doubleValue());
                    } else if (cell != null) {
                        written.setCellValue(cell.toString());
                    }
                    widths[i] = Math.max(widths[i], width(cell == null ? "" : cell.toString()));
                }
            }
            if (!sheet.notes().isEmpty()) {
                at++;
            }
            for (String note : sheet.notes()) {
                styled(worksheet.createRow(at++), 0, title).setCellValue(note);
            }
            for (int i = 0; i < widths.length; i++) {
                worksheet.setColumnWidth(i, (Math.min(widths[i], MAX_WIDTH) + 2) * 256);
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static Cell styled(Row row, int column, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }

    private static void bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    /** The width of text in Excel's character units: full-width characters take two. */
    private static int width(String text) {
        return text.codePoints().map(c -> c < 0x1100 || (c >= 0xFF61 && c <= 0xFFDC) ? 1 : 2).sum();
    }
}
