package jp.shinko.query.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.shinko.events.InvalidField;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The file formats a table is exported in: a workbook for the council, CSV for other tools. */
public enum SheetFormat {
    /** An Excel workbook with one worksheet. */
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
        @Override
        void write(Sheet sheet, OutputStream out) throws IOException {
            XlsxWriter.write(sheet, out);
        }
    },
    /** UTF-8 with a byte order mark, so Excel reads the Japanese text as it is. */
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)) {
        @Override
        void write(Sheet sheet, OutputStream out) throws IOException {
            CsvWriter.write(sheet, out);
        }
    };

    private final String extension;
    private final MediaType mediaType;

    SheetFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    abstract void write(Sheet sheet, OutputStream out) throws IOException;

    /**
     * @throws InvalidField naming {@code format} unless it is xlsx or csv
     */
    public static SheetFormat of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equalsIgnoreCase(extension)).findFirst()
                .orElseThrow(() -> new InvalidField("format", extension, "a table is exported as "
                        + Arrays.stream(values()).map(format -> format.extension).collect(Collectors.joining(" or "))));
    }

    /** The sheet as a download named after it, such as 進捗状況_令和5年度.xlsx. */
    public ResponseEntity<byte[]> download(Sheet sheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(sheet, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(sheet.name() + "." + extension, StandardCharsets.UTF_8).build().toString())
                .body(bytes.toByteArray());
    }
}
