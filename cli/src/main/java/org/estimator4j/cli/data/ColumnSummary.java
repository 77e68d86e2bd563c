package org.estimator4j.cli.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.StringColumn;

/** Streaming statistics of one scalar column: missing count, numeric range and mean, or string frequencies. */
final class ColumnSummary {
    /** Distinct strings counted exactly up to this many; beyond it the column is reported as high-cardinality. */
    private static final int MAX_DISTINCT = 10_000;

    private final Field field;
    private long rows;
    private long missing;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;
    private final Map<String, Long> counts = new HashMap<>();
    private boolean overflow;

    ColumnSummary(Field field) {
        this.field = field;
    }

    void add(Column column) {
        int n = column.numRows();
        rows += n;
        for (int r = 0; r < n; r++) {
            if (column.isMissing(r)) {
                missing++;
                continue;
            }
            if (column instanceof StringColumn s) {
                String v = s.values()[r];
                if (counts.containsKey(v) || counts.size() < MAX_DISTINCT) {
                    counts.merge(v, 1L, Long::sum);
                } else {
                    overflow = true;
                }
            } else {
                double v = column instanceof LongColumn l
                        ? l.values()[r]
                        : column instanceof FloatColumn f ? f.values()[r] : ((DoubleColumn) column).values()[r];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
    }

    String line() {
        String head = String.format(
                Locale.ROOT,
                "  %-22s %-8s missing %-8d",
                field.name(),
                field.dtype().tfName(),
                missing);
        long present = rows - missing;
        if (present == 0) {
            return head + " (no values)";
        }
        if (field.dtype().isNumeric()) {
            return head
                    + String.format(
                            Locale.ROOT, " min %-12s mean %-14s max %s", num(min), num(sum / present), num(max));
        }
        Map.Entry<String, Long> top =
                counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return head
                + String.format(
                        Locale.ROOT,
                        " distinct %s%-6d top '%s' (%.1f%%)",
                        overflow ? ">" : "",
                        counts.size(),
                        top.getKey(),
                        100.0 * top.getValue() / present);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
