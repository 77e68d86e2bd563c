package org.estimator4j.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.cli.text.Table;

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
            case table -> new Aligned(out);
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
        private final CsvWriter csv;
        private List<String> header;

        Csv(PrintWriter out) {
            super(out);
            this.csv = org.estimator4j.cli.text.Csv.writer(out);
        }

        @Override
        void write(Map<String, Object> row) {
            Map<String, String> cells = flatten(row);
            if (header == null) {
                header = List.copyOf(cells.keySet());
                csv.writeRecord(header);
            }
            csv.writeRecord(header.stream().map(h -> cells.getOrDefault(h, "")).toList());
        }
    }

    /** Held back until the last row, so that the columns align; a cell's line breaks show as spaces. */
    private static final class Aligned extends PredictionWriter {
        private Table table;
        private List<String> header;

        Aligned(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Map<String, Object> row) {
            Map<String, String> cells = flatten(row);
            if (table == null) {
                header = List.copyOf(cells.keySet());
                table = new Table(header).showCells(cell -> cell.replaceAll("\\R", " "));
            }
            table.add(header.stream().map(h -> cells.getOrDefault(h, "")).toList());
        }

        @Override
        void finish() {
            if (table != null) {
                table.printTable(out);
            }
            super.finish();
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
