package org.estimator4j.cli.runs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of strings printed as aligned columns (two spaces apart) or as CSV (RFC 4180: a field
 * with a comma, quote or line break is quoted, quotes doubled). Cells in a table are cut to one line.
 */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    Table(String... headers) {
        this(List.of(headers));
    }

    /** A row; null cells show empty. */
    Table add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException(row.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
        return this;
    }

    /** A row; a null cell (a run without a name, parent or failure) shows empty. */
    Table add(String... row) {
        // Arrays.asList, not List.of: List.of rejects the null cells this method promises to accept.
        return add(java.util.Arrays.asList(row));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<List<String>> rows() {
        return rows;
    }

    void printTable(PrintWriter out) {
        printTable(out, row -> false, false);
    }

    /** Aligned columns; rows {@code highlight} picks are wrapped in ANSI bold when {@code ansi} is on. */
    void printTable(PrintWriter out, java.util.function.Predicate<Integer> highlight, boolean ansi) {
        int[] widths = new int[headers.size()];
        List<List<String>> shown = new ArrayList<>();
        shown.add(headers);
        rows.forEach(row -> shown.add(row.stream().map(Table::oneLine).toList()));
        for (List<String> row : shown) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        for (int r = 0; r < shown.size(); r++) {
            StringBuilder line = new StringBuilder();
            List<String> row = shown.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            String text = line.toString().stripTrailing();
            boolean bold = ansi && r > 0 && highlight.test(r - 1);
            out.println(bold ? "\u001b[1m" + text + "\u001b[0m" : text);
        }
    }

    void printCsv(PrintWriter out) {
        out.println(csvLine(headers));
        rows.forEach(row -> out.println(csvLine(row)));
    }

    static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                b.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                b.append(cell);
            }
        }
        return b.toString();
    }

    /** The first line, cut to 80 characters, so one cell cannot wreck the layout. */
    static String oneLine(String cell) {
        String line = cell.lines().findFirst().orElse("");
        boolean cut = line.length() > 80 || line.length() < cell.strip().length();
        if (line.length() > 80) {
            line = line.substring(0, 79);
        }
        return cut ? line + "…" : line;
    }
}
