package org.estimator4j.api.json.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.estimator4j.api.csv.BadRowPolicy;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.data.internal.FileStamp;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.RowOrigin;
import org.estimator4j.api.table.Schema;
import org.slf4j.Logger;

/** Rows of newline-delimited JSON files; blank lines are skipped, a bad line names its file and line. */
public final class JsonLinesDataset extends Dataset<Example> {
    private static final Logger LOG = Logs.get(JsonLinesDataset.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonLinesOptions options;
    private final Schema schema;

    public JsonLinesDataset(JsonLinesOptions options) {
        super("jsonl", List.of());
        this.options = options;
        for (Path f : options.files()) {
            if (!Files.isRegularFile(f)) {
                throw new UncheckedIOException(new java.nio.file.NoSuchFileException(
                        f.toAbsolutePath().toString(), null, "no such JSON lines file"));
            }
        }
        this.schema = options.schema() != null ? options.schema() : infer();
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public String fingerprint() {
        StringBuilder sb =
                new StringBuilder("jsonl[").append(options).append(", schema=").append(schema);
        for (Path f : options.files()) {
            sb.append(", ").append(FileStamp.of(f));
        }
        return sb.append(']').toString();
    }

    private Schema infer() {
        Map<String, DType> types = new LinkedHashMap<>();
        Map<String, Boolean> variable = new LinkedHashMap<>();
        try (Lines lines = new Lines(options.files().get(0))) {
            for (int n = 0; n < options.inferenceRows() && lines.next(); n++) {
                JsonNode node;
                try {
                    node = parse(lines);
                } catch (DataFormatException e) {
                    if (options.badRows() == BadRowPolicy.FAIL) {
                        throw e;
                    }
                    continue;
                }
                node.fields().forEachRemaining(e -> {
                    JsonNode v = e.getValue();
                    if (v.isNull()) {
                        types.putIfAbsent(e.getKey(), null);
                        return;
                    }
                    boolean list = v.isArray();
                    DType t = list ? elementType(v) : scalarType(v);
                    DType seen = types.get(e.getKey());
                    types.put(e.getKey(), seen == null ? t : t == null ? seen : wider(seen, t));
                    variable.merge(e.getKey(), list, Boolean::logicalOr);
                });
            }
        }
        List<Field> fields = new ArrayList<>();
        types.forEach((name, t) -> {
            DType type = t == null ? DType.STRING : t;
            fields.add(variable.getOrDefault(name, false) ? Field.variable(name, type) : Field.scalar(name, type));
        });
        return Schema.of(fields);
    }

    private static DType scalarType(JsonNode v) {
        if (v.isIntegralNumber() || v.isBoolean()) {
            return DType.INT64;
        }
        if (v.isNumber()) {
            return DType.FLOAT32;
        }
        return DType.STRING;
    }

    private static DType elementType(JsonNode array) {
        DType t = null;
        for (JsonNode e : array) {
            DType et = scalarType(e);
            t = t == null ? et : wider(t, et);
        }
        return t == null ? DType.FLOAT32 : t;
    }

    private static DType wider(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == DType.STRING || b == DType.STRING) {
            return DType.STRING;
        }
        return DType.FLOAT32;
    }

    private static JsonNode parse(Lines lines) {
        try {
            JsonNode node = MAPPER.readTree(lines.text);
            if (node == null || !node.isObject()) {
                throw lines.error("expected a JSON object per line", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw lines.error("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    protected DatasetIterator<Example> openPass() {
        return new AbstractDatasetIterator<>() {
            private final Iterator<Path> files = options.files().iterator();
            private Lines lines;
            private final Example.Builder row = Example.builder(schema);
            private long skipped;

            @Override
            protected Example computeNext() {
                while (true) {
                    if (lines == null) {
                        if (!files.hasNext()) {
                            if (skipped > 0) {
                                LOG.warn("skipped {} bad JSON lines", skipped);
                            }
                            return endOfData();
                        }
                        lines = new Lines(files.next());
                    }
                    if (!lines.next()) {
                        lines.close();
                        lines = null;
                        continue;
                    }
                    try {
                        return toExample(parse(lines));
                    } catch (DataFormatException e) {
                        if (options.badRows() == BadRowPolicy.FAIL) {
                            throw e;
                        }
                        row.build();
                        skipped++;
                    }
                }
            }

            private Example toExample(JsonNode node) {
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!schema.contains(e.getKey())) {
                        throw lines.error("field '" + e.getKey() + "' is not in the schema " + schema.names(), null);
                    }
                    int index = schema.indexOf(e.getKey());
                    try {
                        row.setObject(index, value(schema.field(index), e.getValue()));
                    } catch (IllegalArgumentException ex) {
                        throw lines.error(ex.getMessage(), ex);
                    }
                }
                return row.origin(RowOrigin.of(lines.sourceId, lines.number)).build();
            }

            @Override
            protected void release() {
                if (lines != null) {
                    lines.close();
                }
            }
        };
    }

    private static Object value(Field f, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonNode e : v) {
                list.add(scalar(f, e));
            }
            return list;
        }
        return scalar(f, v);
    }

    private static Object scalar(Field f, JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue() ? 1L : 0L;
        }
        if (v.isIntegralNumber()) {
            return f.dtype() == DType.STRING ? v.asText() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            if (f.dtype() == DType.STRING) {
                return v.asText();
            }
            double d = v.doubleValue();
            // The non-finite policy: a number the column's type cannot hold (1e400, 1e39 in float32) is refused.
            if (!Double.isFinite(d) || (f.dtype() == DType.FLOAT32 && !Float.isFinite((float) d))) {
                // Jackson reads a double overflow as Infinity: say so rather than show a value the file lacks.
                String shown = Double.isFinite(d) ? v.asText() : "a number beyond float64 (read as " + d + ")";
                throw new IllegalArgumentException("field '" + f.name() + "': " + shown + " is not a finite "
                        + f.dtype().tfName() + " number (NaN, infinities and values beyond "
                        + f.dtype().tfName()
                        + " are refused)");
            }
            return d;
        }
        if (v.isTextual()) {
            if (f.dtype() != DType.STRING) {
                throw new IllegalArgumentException("field '" + f.name() + "' is "
                        + f.dtype().tfName() + "; got the " + "string \"" + v.textValue() + "\"");
            }
            return v.textValue();
        }
        throw new IllegalArgumentException("field '" + f.name() + "' cannot hold " + v.getNodeType());
    }

    /** A line reader that knows where it is, for error messages. */
    private static final class Lines implements AutoCloseable {
        private final Path file;
        private final int sourceId;
        private final BufferedReader reader;
        private long number;
        private String text;

        Lines(Path file) {
            this.file = file;
            this.sourceId = RowOrigin.source(file.toString());
            try {
                java.io.InputStream in = Files.newInputStream(file);
                if (file.getFileName().toString().endsWith(".gz")) {
                    in = new GZIPInputStream(in, 1 << 16);
                }
                this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        boolean next() {
            try {
                do {
                    text = reader.readLine();
                    number++;
                } while (text != null && text.isBlank());
                return text != null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        DataFormatException error(String message, Throwable cause) {
            return new DataFormatException(file.toString(), number, 0, message, cause);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // Read-only: nothing is lost.
            }
        }
    }
}
