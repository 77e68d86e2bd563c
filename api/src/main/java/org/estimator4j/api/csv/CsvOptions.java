package org.estimator4j.api.csv;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.table.DType;

/**
 * How to read CSV files into rows. Immutable; build with {@link #builder()}. Defaults: a header line, comma, double
 * quote, {@code ""} as the only missing-value token, no trimming, column types inferred from the first 1000 rows
 * (int64, else float32, else string), bad rows fail the pass, one parsing thread.
 *
 * <pre>{@code
 * CsvOptions adult = CsvOptions.builder()
 *         .file(Path.of("adult.data"))
 *         .columnNames("age", "workclass", ...)      // the file has no header
 *         .header(false)
 *         .trimWhitespace(true)                       // fields are separated by ", "
 *         .naTokens("?")
 *         .labelColumns("income_bracket")
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvOptions {
    private final List<Path> files;
    private final List<String> globs;
    private final boolean header;
    private final List<String> columnNames;
    private final Map<String, DType> columnTypes;
    private final List<String> selectColumns;
    private final List<String> labelColumns;
    private final char delimiter;
    private final char quote;
    private final Set<String> naTokens;
    private final boolean trimWhitespace;
    private final int skipLines;
    private final int inferenceRows;
    private final BadRowPolicy badRows;
    private final Consumer<DataFormatException> badRowListener;
    private final int parallelism;

    private CsvOptions(Builder b) {
        this.files = List.copyOf(b.files);
        this.globs = List.copyOf(b.globs);
        this.header = b.header;
        this.columnNames = b.columnNames == null ? null : List.copyOf(b.columnNames);
        this.columnTypes = Map.copyOf(b.columnTypes);
        this.selectColumns = b.selectColumns == null ? null : List.copyOf(b.selectColumns);
        this.labelColumns = List.copyOf(b.labelColumns);
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.naTokens = Set.copyOf(b.naTokens);
        this.trimWhitespace = b.trimWhitespace;
        this.skipLines = b.skipLines;
        this.inferenceRows = b.inferenceRows;
        this.badRows = b.badRows;
        this.badRowListener = b.badRowListener;
        this.parallelism = b.parallelism;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Path> files() {
        return files;
    }

    public List<String> globs() {
        return globs;
    }

    public boolean header() {
        return header;
    }

    /** Declared column names, or null to take them from the header. */
    public List<String> columnNames() {
        return columnNames;
    }

    public Map<String, DType> columnTypes() {
        return columnTypes;
    }

    /** The columns to keep, in file order; null keeps all. */
    public List<String> selectColumns() {
        return selectColumns;
    }

    public List<String> labelColumns() {
        return labelColumns;
    }

    public char delimiter() {
        return delimiter;
    }

    public char quote() {
        return quote;
    }

    public Set<String> naTokens() {
        return naTokens;
    }

    public boolean trimWhitespace() {
        return trimWhitespace;
    }

    public int skipLines() {
        return skipLines;
    }

    public int inferenceRows() {
        return inferenceRows;
    }

    public BadRowPolicy badRows() {
        return badRows;
    }

    public Consumer<DataFormatException> badRowListener() {
        return badRowListener;
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public String toString() {
        return "csv{files=" + files + ", globs=" + globs + ", header=" + header + ", names=" + columnNames
                + ", types=" + new java.util.TreeMap<>(columnTypes) + ", select=" + selectColumns + ", labels="
                + labelColumns + ", delimiter=" + delimiter + ", quote=" + quote + ", na="
                + new java.util.TreeSet<>(naTokens) + ", trim=" + trimWhitespace + ", skipLines=" + skipLines
                + ", inferenceRows=" + inferenceRows + ", badRows=" + badRows + "}";
    }

    public static final class Builder {
        private final List<Path> files = new ArrayList<>();
        private final List<String> globs = new ArrayList<>();
        private boolean header = true;
        private List<String> columnNames;
        private final Map<String, DType> columnTypes = new LinkedHashMap<>();
        private List<String> selectColumns;
        private List<String> labelColumns = List.of();
        private char delimiter = ',';
        private char quote = '"';
        private Set<String> naTokens = Set.of("");
        private boolean trimWhitespace;
        private int skipLines;
        private int inferenceRows = 1000;
        private BadRowPolicy badRows = BadRowPolicy.FAIL;
        private Consumer<DataFormatException> badRowListener = e -> {};
        private int parallelism = 1;

        private Builder() {}

        /** A file to read (plain, or gzip when its name ends in {@code .gz}); files are read in the order added. */
        public Builder file(Path file) {
            files.add(requireNonNull(file, "file is null"));
            return this;
        }

        public Builder files(List<Path> paths) {
            paths.forEach(this::file);
            return this;
        }

        /**
         * Files matching a glob such as {@code data/part-*.csv} (relative to the working directory, or absolute), in
         * sorted order.
         */
        public Builder glob(String pattern) {
            globs.add(requireNonNull(pattern, "pattern is null"));
            return this;
        }

        /** Whether the first line (after {@link #skipLines}) holds the column names. */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /** The column names, in file order; required without a header, and they replace a header's names. */
        public Builder columnNames(String... names) {
            return columnNames(List.of(names));
        }

        public Builder columnNames(List<String> names) {
            this.columnNames = List.copyOf(names);
            return this;
        }

        /** Declares a column's type instead of inferring it. */
        public Builder columnType(String name, DType type) {
            columnTypes.put(requireNonNull(name, "name is null"), requireNonNull(type, "type is null"));
            return this;
        }

        /** Keeps only these columns (in file order): the others are not even parsed. */
        public Builder selectColumns(String... names) {
            this.selectColumns = List.of(names);
            return this;
        }

        /** The label column(s): kept in every row, split off as labels by input functions. */
        public Builder labelColumns(String... names) {
            this.labelColumns = List.of(names);
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /** The texts that mean "missing" (compared after trimming, if on). Default: the empty field only. */
        public Builder naTokens(String... tokens) {
            this.naTokens = new LinkedHashSet<>(List.of(tokens));
            return this;
        }

        /** Strips spaces and tabs around unquoted fields (the UCI Adult files separate fields by ", "). */
        public Builder trimWhitespace(boolean trim) {
            this.trimWhitespace = trim;
            return this;
        }

        /** Physical lines to skip at the start of every file, before the header (e.g. a title line). */
        public Builder skipLines(int lines) {
            if (lines < 0) {
                throw new IllegalArgumentException("skipLines must be >= 0, got " + lines);
            }
            this.skipLines = lines;
            return this;
        }

        /** How many rows of the first file to read to infer column types (default 1000). */
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

        /** Called with every skipped row's error when bad rows are skipped (in addition to the end-of-pass report). */
        public Builder onBadRow(Consumer<DataFormatException> listener) {
            this.badRowListener = requireNonNull(listener, "listener is null");
            return this;
        }

        /**
         * Threads that parse: 1 parses on the consumer's thread; n > 1 splits each file into chunks of whole records
         * and parses n at once, keeping row order. Parallel parsing needs records whose quoted fields are well formed.
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        public CsvOptions build() {
            if (files.isEmpty() && globs.isEmpty()) {
                throw new IllegalArgumentException("no CSV input: add file(...) or glob(...)");
            }
            if (!header && columnNames == null) {
                throw new IllegalArgumentException("the files have no header (header(false)), so declare the column "
                        + "names with columnNames(...)");
            }
            if (delimiter == quote) {
                throw new IllegalArgumentException("delimiter and quote are both '" + delimiter + "'");
            }
            return new CsvOptions(this);
        }
    }
}
