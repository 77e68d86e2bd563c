package org.estimator4j.cli.text;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Rows of strings under a header row, printed as aligned columns or as CSV: every table the CLI prints ({@code e4j
 * runs}, {@code plugins}, {@code predict --format table}). Columns are two spaces apart and as wide as their widest
 * cell in code points; the last column is not padded, so it may be long, and trailing blanks are cut. In columns a
 * cell (not a header) shows through {@link #showCells} (by default its first line cut to 80 characters,
 * {@link #oneLine}); CSV ({@link Csv}) writes cells whole.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private UnaryOperator<String> show = Table::oneLine;

    /** The header row; a header of empty strings prints as an empty line. */
    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table(String... headers) {
        this(List.of(headers));
    }

    /** How cells show in aligned columns (CSV writes them whole); {@link UnaryOperator#identity()} keeps them. */
    public Table showCells(UnaryOperator<String> show) {
        this.show = java.util.Objects.requireNonNull(show, "show is null");
        return this;
    }

    /** A row of as many cells as there are headers; null cells show empty. */
    public Table add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException(row.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
        return this;
    }

    /** A row; a null cell (a run without a name, parent or failure) shows empty. */
    public Table add(String... row) {
        // Arrays.asList, not List.of: List.of rejects the null cells this method promises to accept.
        return add(Arrays.asList(row));
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void printTable(PrintWriter out) {
        lines("", row -> false, false).forEach(out::println);
    }

    /** Aligned columns; rows {@code highlight} picks (by index, header excluded) are in ANSI bold when {@code ansi}. */
    public void printTable(PrintWriter out, IntPredicate highlight, boolean ansi) {
        lines("", highlight, ansi).forEach(out::println);
    }

    /** The aligned lines, header first, each starting with {@code indent}. */
    public List<String> lines(String indent) {
        return lines(indent, row -> false, false);
    }

    private List<String> lines(String indent, IntPredicate highlight, boolean ansi) {
        List<List<String>> shown = new ArrayList<>();
        shown.add(headers); // headers are names, shown whole
        rows.forEach(row -> shown.add(row.stream().map(show).toList()));
        int[] widths = new int[headers.size()];
        for (List<String> row : shown) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < shown.size(); r++) {
            StringBuilder line = new StringBuilder(indent);
            List<String> row = shown.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.append(" ".repeat(widths[c] - width(cell) + 2));
                }
            }
            String text = line.toString().stripTrailing();
            boolean bold = ansi && r > 0 && highlight.test(r - 1);
            lines.add(bold ? "\u001b[1m" + text + "\u001b[0m" : text);
        }
        return lines;
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }

    /** The header and the rows as CSV, cells whole. */
    public void printCsv(PrintWriter out) {
        CsvWriter csv = Csv.writer(out);
        csv.writeRecord(headers);
        rows.forEach(csv::writeRecord);
    }

    /** The first line, cut to 80 characters, so one cell cannot wreck the layout. */
    public static String oneLine(String cell) {
        String line = cell.lines().findFirst().orElse("");
        boolean cut = line.length() > 80 || line.length() < cell.strip().length();
        if (line.length() > 80) {
            line = line.substring(0, 79);
        }
        return cut ? line + "…" : line;
    }
}
