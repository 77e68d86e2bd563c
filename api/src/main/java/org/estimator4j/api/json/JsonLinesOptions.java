package org.estimator4j.api.json;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.csv.BadRowPolicy;
import org.estimator4j.api.table.Schema;

/**
 * How to read newline-delimited JSON (one object per line) into rows. Without a schema, types are inferred from the
 * first 1000 lines: integers int64, other numbers float32, strings string, booleans int64 (0/1), arrays
 * variable-length. Build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class JsonLinesOptions {
    private final List<Path> files;
    private final Schema schema;
    private final int inferenceRows;
    private final BadRowPolicy badRows;

    private JsonLinesOptions(Builder b) {
        this.files = List.copyOf(b.files);
        this.schema = b.schema;
        this.inferenceRows = b.inferenceRows;
        this.badRows = b.badRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Path> files() {
        return files;
    }

    /** The declared schema, or null to infer one. */
    public Schema schema() {
        return schema;
    }

    public int inferenceRows() {
        return inferenceRows;
    }

    public BadRowPolicy badRows() {
        return badRows;
    }

    @Override
    public String toString() {
        return "jsonl{files=" + files + ", schema=" + schema + ", inferenceRows=" + inferenceRows + ", badRows="
                + badRows + "}";
    }

    public static final class Builder {
        private final List<Path> files = new ArrayList<>();
        private Schema schema;
        private int inferenceRows = 1000;
        private BadRowPolicy badRows = BadRowPolicy.FAIL;

        private Builder() {}

        public Builder file(Path file) {
            files.add(requireNonNull(file, "file is null"));
            return this;
        }

        public Builder schema(Schema schema) {
            this.schema = requireNonNull(schema, "schema is null");
            return this;
        }

        public Builder inferenceRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("inferenceRows must be >= 1, got " + rows);
            }
            this.inferenceRows = rows;
            return this;
        }

        public Builder badRows(BadRowPolicy policy) {
            this.badRows = requireNonNull(policy, "policy is null");
            return this;
        }

        public JsonLinesOptions build() {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no JSON lines input: add file(...)");
            }
            return new JsonLinesOptions(this);
        }
    }
}
