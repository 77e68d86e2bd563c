package org.estimator4j.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code e4j predict}'s rows (the kept input columns, then the prediction under TensorFlow's keys) as JSON
 * lines, CSV or an aligned table. In CSV and tables a prediction list of one value is one column under its key
 * ({@code classes}), a longer one a column per value ({@code probabilities_0}, {@code probabilities_1}); rows
 * stream out as they come, except a table's, which are aligned when all are in.
 */
abstract class PredictionWriter {
    /** The output formats of {@code --format}. */
    enum Format {
        jsonl,
        csv,
        table
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected final PrintWriter out;

    private PredictionWriter(PrintWriter out) {
        this.out = out;
    }

    static PredictionWriter of(Format format, PrintWriter out) {
        return switch (format) {
            case jsonl -> new JsonLines(out);
            case csv -> new Csv(out);
            case table -> new Table(out);
        };
    }

    /** One example's row: input columns kept, then prediction fields (arrays), in order. */
    abstract void write(Map<String, Object> row);

    /** Prints what is still held back (a table); called once after the last row. */
    void finish() {
        out.flush();
    }

    private static final class JsonLines extends PredictionWriter {
        JsonLines(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Map<String, Object> row) {
            out.println(json(row));
        }
    }

    private static final class Csv extends PredictionWriter {
        private List<String> header;

        Csv(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Map<String, Object> row) {
            Map<String, String> cells = flatten(row);
            if (header == null) {
                header = List.copyOf(cells.keySet());
                out.println(String.join(",", header.stream().map(Csv::quote).toList()));
            }
            out.println(String.join(",", header.stream().map(h -> quote(cells.getOrDefault(h, ""))).toList()));
        }

        /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
        static String quote(String cell) {
            return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                    ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
        }
    }

    private static final class Table extends PredictionWriter {
        private final List<Map<String, String>> rows = new ArrayList<>();

        Table(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Map<String, Object> row) {
            rows.add(flatten(row));
        }

        @Override
        void finish() {
            if (!rows.isEmpty()) {
                List<String> header = List.copyOf(rows.get(0).keySet());
                int[] widths = header.stream().mapToInt(String::length).toArray();
                for (Map<String, String> row : rows) {
                    for (int c = 0; c < header.size(); c++) {
                        widths[c] = Math.max(widths[c], row.getOrDefault(header.get(c), "").length());
                    }
                }
                print(header, widths);
                for (Map<String, String> row : rows) {
                    print(header.stream().map(h -> row.getOrDefault(h, "")).toList(), widths);
                }
            }
            super.finish();
        }

        private void print(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c).replaceAll("\\R", " ");
                line.append(cell).append(c + 1 < cells.size() ? " ".repeat(widths[c] - cell.length() + 2) : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Cells by column name: arrays of one value under their key, longer ones as key_0, key_1, ... */
    static Map<String, String> flatten(Map<String, Object> row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            Object v = e.getValue();
            if (v != null && v.getClass().isArray()) {
                int n = Array.getLength(v);
                for (int i = 0; i < n; i++) {
                    cells.put(n == 1 ? e.getKey() : e.getKey() + "_" + i, String.valueOf(Array.get(v, i)));
                }
            } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
                cells.put(e.getKey(), json(v)); // a multivalent input column kept: its JSON text
            } else {
                cells.put(e.getKey(), v == null ? "" : String.valueOf(v));
            }
        }
        return cells;
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a prediction as JSON: " + e.getMessage(), e);
        }
    }
}
