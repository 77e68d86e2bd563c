package org.estimator4j.api.csv.internal;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.RowOrigin;

/**
 * Turns FastCSV's field callbacks into typed rows: numbers are parsed from the parser's buffer and categorical strings
 * come from a per-column pool, so a row costs a handful of allocations. Unselected columns are not parsed at all.
 * Produces an {@link Example}, a {@link Header} for the header line, or a {@link BadRow}.
 */
final class RowParser extends AbstractBaseCsvCallbackHandler<Object> {
    /** The names on a file's header line. */
    record Header(List<String> names, long line) {}

    /** A row that could not be read as declared. */
    record BadRow(DataFormatException error) {}

    private final CsvLayout layout;
    private final String source;
    private final int sourceId;
    private final long lineOffset;
    private final boolean trim;
    private final int[] fieldMap;
    private final DType[] types;
    private final StringPool[] pools;
    private final Example.Builder row;
    private boolean expectHeader;
    private List<String> headerNames;
    private long line;
    private int fields;
    private DataFormatException error;

    /**
     * @param lineOffset added to FastCSV's line numbers: lines before the chunk or skipped before the reader started
     * @param expectHeader whether the first record is the header line
     */
    RowParser(CsvLayout layout, String source, long lineOffset, boolean expectHeader) {
        this.layout = layout;
        this.source = source;
        this.sourceId = RowOrigin.source(source);
        this.lineOffset = lineOffset;
        this.trim = layout.options.trimWhitespace();
        this.fieldMap = layout.fieldMap;
        this.types = layout.types;
        this.pools = new StringPool[types.length];
        for (int i = 0; i < types.length; i++) {
            pools[i] = types[i] == DType.STRING ? new StringPool() : null;
        }
        this.row = Example.builder(layout.schema);
        this.expectHeader = expectHeader;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber + lineOffset;
        fields = 0;
        error = null;
        if (expectHeader) {
            headerNames = new ArrayList<>();
        }
    }

    @Override
    protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
        fields = index + 1;
        if (headerNames != null) {
            headerNames.add(new String(buf, off, len).strip());
            return;
        }
        if (error != null || index >= fieldMap.length) {
            return;
        }
        int target = fieldMap[index];
        if (target < 0) {
            return;
        }
        if (trim && !quoted) {
            while (len > 0 && FieldText.isBlank(buf[off])) {
                off++;
                len--;
            }
            while (len > 0 && FieldText.isBlank(buf[off + len - 1])) {
                len--;
            }
        }
        if (layout.isNa(buf, off, len)) {
            return; // Every column of a fresh row starts missing.
        }
        try {
            switch (types[target]) {
                case INT64 -> row.setLong(target, FieldText.parseLong(buf, off, len));
                case FLOAT32 -> {
                    float v = FieldText.parseFloat(buf, off, len);
                    if (!Float.isFinite(v)) {
                        error = nonFinite(index, target, new String(buf, off, len));
                        return;
                    }
                    row.setDouble(target, v);
                }
                case FLOAT64 -> {
                    double v = FieldText.parseDouble(buf, off, len);
                    if (!Double.isFinite(v)) {
                        error = nonFinite(index, target, new String(buf, off, len));
                        return;
                    }
                    row.setDouble(target, v);
                }
                case STRING -> row.setObject(target, pools[target].get(buf, off, len));
            }
        } catch (NumberFormatException e) {
            error = typeError(index, target, new String(buf, off, len));
        }
    }

    private DataFormatException typeError(int fileColumn, int target, String text) {
        String name = layout.schema.field(target).name();
        String origin = layout.inferred[target] ? "inferred from " + layout.inferenceSource : "declared";
        // Worded for config and Java users alike: no method names (a CLI user sees this line).
        return new DataFormatException(
                source,
                line,
                fileColumn + 1,
                "cannot read '" + text + "' as "
                        + types[target].tfName() + " for column '" + name + "' (type " + origin + "); fix the value, "
                        + "declare the column's type (column_types), list '" + text
                        + "' among the missing-value tokens "
                        + "(na_tokens) if it means missing, or skip bad rows");
    }

    // The non-finite policy (README, "The input pipeline"): NaN, infinities and numbers beyond the column's type are
    // refused where they are read; a missing value is spelled with an NA token, never as NaN.
    private DataFormatException nonFinite(int fileColumn, int target, String text) {
        String name = layout.schema.field(target).name();
        return new DataFormatException(
                source,
                line,
                fileColumn + 1,
                "'" + text + "' in column '" + name
                        + "' is not a finite " + types[target].tfName() + " number (NaN, infinities and values beyond "
                        + types[target].tfName() + " are refused); fix the value, or list '" + text
                        + "' among the missing-value tokens (na_tokens) if it means missing");
    }

    @Override
    protected Object buildRecord() {
        if (headerNames != null) {
            Header h = new Header(List.copyOf(headerNames), line);
            headerNames = null;
            expectHeader = false;
            return h;
        }
        if (error == null && fields != fieldMap.length) {
            error = new DataFormatException(
                    source,
                    line,
                    0,
                    "expected " + fieldMap.length + " fields "
                            + layout.fileColumns + ", found " + fields
                            + (fields < fieldMap.length
                                    ? "; if a field holds the delimiter or a line break, it must be quoted"
                                    : ""));
        }
        Example e = row.origin(RowOrigin.of(sourceId, line)).build();
        return error == null ? e : new BadRow(error);
    }
}
