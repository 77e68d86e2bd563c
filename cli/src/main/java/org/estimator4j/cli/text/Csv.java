package org.estimator4j.cli.text;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Writer;

/**
 * The CSV the CLI writes, through FastCSV: comma-separated, RFC 4180 quoting (a field with a comma, quote or line
 * break is quoted, its quotes doubled; FastCSV also quotes a record's first field when it starts with {@code #}, so
 * readers that skip comment lines keep the row), the platform's line separator as {@code println} writes it, and each
 * record flushed as it is written, so rows stream out as they come.
 */
public final class Csv {
    private Csv() {}

    /** A writer onto {@code out}; closing it would close {@code out}, so callers only write records. */
    public static CsvWriter writer(Writer out) {
        return CsvWriter.builder()
                .lineDelimiter(LineDelimiter.PLATFORM)
                .autoFlush(true)
                .build(out);
    }
}
