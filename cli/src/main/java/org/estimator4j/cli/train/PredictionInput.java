package org.estimator4j.cli.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.table.Batch;
import org.estimator4j.cli.E4jException;

/**
 * The rows {@code e4j predict} reads: CSV files (with a header row) or JSON lines (one object per line; a list is a
 * multivalent feature), from files or from standard input ({@code -}). The format is the one declared, else the
 * file's extension ({@code .csv}, {@code .jsonl}, {@code .ndjson}, {@code .json}, optionally {@code .gz}), else its
 * first character ({@code {} for JSON lines). Standard input is copied to a temporary file first (the readers take
 * files, and infer types from the first rows before reading them all); closing removes it.
 */
final class PredictionInput implements AutoCloseable {
    /** The input formats of {@code --input-format}. */
    enum Format {
        csv,
        jsonl
    }

    /** The name that means standard input. */
    static final String STDIN = "-";

    private final List<Path> files;
    private final Format format;
    private final Path spoolDir;

    private PredictionInput(List<Path> files, Format format, Path spoolDir) {
        this.files = List.copyOf(files);
        this.format = format;
        this.spoolDir = spoolDir;
    }

    /**
     * The inputs named on the command line ({@code -} for {@code stdin}), in {@code declared} format or the one
     * detected; all must have the same format.
     */
    static PredictionInput open(List<String> names, Format declared, InputStream stdin) {
        List<Path> files = new ArrayList<>();
        Path spoolDir = null;
        try {
            for (String name : names) {
                if (name.equals(STDIN)) {
                    if (spoolDir != null) {
                        throw new E4jException("--input - is given twice", "read standard input once");
                    }
                    spoolDir = Files.createTempDirectory("e4j-predict-");
                    Path spooled = spoolDir.resolve("stdin");
                    Files.copy(stdin, spooled);
                    files.add(spooled);
                } else {
                    Path file = Path.of(name);
                    if (!Files.isRegularFile(file)) {
                        throw new E4jException(
                                "--input " + name + ": " + (Files.exists(file) ? "not a regular file" : "no such file"),
                                "give a CSV or JSON lines file, or - to read standard input");
                    }
                    files.add(file);
                }
            }
            Format format = declared;
            for (int i = 0; i < files.size() && declared == null; i++) {
                Format detected = detect(files.get(i));
                if (format != null && detected != format) {
                    throw new E4jException(
                            "--input " + names.get(i) + " is " + detected + ", but " + names.get(0) + " is " + format,
                            "predict files of one format at a time");
                }
                format = detected;
            }
            return new PredictionInput(files, format == null ? Format.csv : format, spoolDir);
        } catch (IOException e) {
            delete(spoolDir);
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(spoolDir);
            throw e;
        }
    }

    /** The format a file's name says, else the one its first non-blank character says ('{': JSON lines). */
    static Format detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        if (base.endsWith(".csv")) {
            return Format.csv;
        }
        if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
            return Format.jsonl;
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            for (int b; (b = in.read()) >= 0; ) {
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) { // a UTF-8 BOM is blank here
                    return b == '{' ? Format.jsonl : Format.csv;
                }
            }
        }
        return Format.csv;
    }

    List<Path> files() {
        return files;
    }

    Format format() {
        return format;
    }

    /** The rows in batches of {@code batchSize}, in input order, columns typed as the reader infers them. */
    Dataset<Batch> batches(int batchSize) {
        return switch (format) {
            case csv ->
                Dataset.fromCsv(CsvOptions.builder().files(files).header(true).build())
                        .batch(batchSize, false, Batch::of);
            case jsonl -> {
                JsonLinesOptions.Builder b = JsonLinesOptions.builder();
                files.forEach(b::file);
                yield Dataset.fromJsonLines(b.build()).batch(batchSize, false, Batch::of);
            }
        };
    }

    @Override
    public void close() {
        delete(spoolDir);
    }

    private static void delete(Path spoolDir) {
        if (spoolDir == null) {
            return;
        }
        try {
            Files.deleteIfExists(spoolDir.resolve("stdin"));
            Files.deleteIfExists(spoolDir);
        } catch (IOException e) {
            // a temporary file: the system's cleaning removes it
        }
    }
}
