package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.store.MetricPoint;
import org.estimator4j.store.RunInfo;

/** How values look in tables (short, UTC) and in JSON (exact, epoch milliseconds as the store keeps them). */
final class Display {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Display() {}

    /** {@code 2026-11-22 10:15:30} (UTC), or empty. */
    static String time(Long epochMs) {
        return epochMs == null ? "" : TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /** A metric value with six significant digits: {@code 0.859512}, {@code 1234.57}, {@code 1.5e-07}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return magnitude < -4 || magnitude >= 15
                ? String.format(Locale.ROOT, "%.5e", value).replaceAll("\\.?0+e", "e")
                : rounded.toPlainString();
    }

    /** {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h03m}; up to now for a run that has not ended. */
    static String duration(RunInfo info) {
        long end = info.endMs() != null ? info.endMs() : Math.max(info.startMs(), info.heartbeatMs());
        long ms = Math.max(0, end - info.startMs());
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1e3);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** A run's row as JSON: times in epoch ms, null where the store has none. */
    static ObjectNode json(RunInfo info) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("run_id", info.runId());
        node.put("name", info.name());
        node.put("experiment", info.experimentName());
        node.put("status", info.effectiveStatus().name());
        node.put("start_time", info.startMs());
        node.put("end_time", info.endMs());
        node.put("parent_run_id", info.parentRunId());
        node.put("deleted", info.deleted());
        return node;
    }

    static ObjectNode json(Map<String, String> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach(node::put);
        return node;
    }

    static ObjectNode jsonMetrics(Map<String, MetricPoint> metrics) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        metrics.forEach((key, point) -> node.put(key, point.value()));
        return node;
    }
}
