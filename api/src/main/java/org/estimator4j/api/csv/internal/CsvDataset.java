package org.estimator4j.api.csv.internal;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.estimator4j.api.csv.BadRowPolicy;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.data.internal.AbandonedPasses;
import org.estimator4j.api.data.internal.FileStamp;
import org.estimator4j.api.data.internal.ParallelMapPass;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Schema;
import org.slf4j.Logger;

/**
 * Rows of CSV files. The layout (names, types) is resolved when the dataset is created; every pass re-reads the files,
 * on the consumer's thread or, with parallelism above 1, as chunks of whole records parsed on worker threads.
 */
public final class CsvDataset extends Dataset<Example> {
    private static final Logger LOG = Logs.get(CsvDataset.class);
    private static final int CHUNK_BYTES = 1 << 20;

    private final CsvOptions options;
    private final List<Path> files;
    private final CsvLayout layout;

    public CsvDataset(CsvOptions options) {
        super("csv", List.of());
        this.options = options;
        this.files = CsvFiles.resolve(options);
        this.layout = CsvLayout.resolve(options, files.get(0));
    }

    /** The rows' schema: the selected columns in file order, with their declared or inferred types. */
    public Schema schema() {
        return layout.schema;
    }

    @Override
    public String fingerprint() {
        StringBuilder sb =
                new StringBuilder("csv[").append(options).append(", schema=").append(layout.schema);
        for (Path f : files) {
            sb.append(", ").append(FileStamp.of(f));
        }
        return sb.append(']').toString();
    }

    @Override
    protected DatasetIterator<Example> openPass() {
        return new Pass();
    }

    /** Reads the files in order, skipping or failing on bad rows, and reports skipped rows at the end. */
    private final class Pass extends AbstractDatasetIterator<Example> {
        private final Iterator<Path> remaining = files.iterator();
        private Iterator<Object> records;
        // Shared with the cleaner, which closes the file if this pass is dropped unclosed; it must not refer to the
        // pass itself.
        private final java.util.concurrent.atomic.AtomicReference<AutoCloseable> openFile =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final java.lang.ref.Cleaner.Cleanable cleanable =
                AbandonedPasses.register(this, () -> closeQuietly(openFile));
        private Path file;
        private long skipped;
        private final List<String> firstErrors = new ArrayList<>();

        @Override
        protected Example computeNext() {
            while (true) {
                if (records == null) {
                    if (!remaining.hasNext()) {
                        report();
                        return endOfData();
                    }
                    file = remaining.next();
                    records = open(file);
                }
                Object r;
                try {
                    if (!records.hasNext()) {
                        closeFile();
                        continue;
                    }
                    r = records.next();
                } catch (CsvParseException e) {
                    throw new DataFormatException(file.toString(), 0, 0, e.getMessage(), e);
                }
                if (r instanceof Example e) {
                    return e;
                }
                if (r instanceof RowParser.BadRow bad) {
                    onBadRow(bad.error());
                } else if (r instanceof RowParser.Header h) {
                    checkHeader(h);
                }
            }
        }

        private Iterator<Object> open(Path path) {
            if (options.parallelism() > 1) {
                ParallelMapPass<RecordChunker.Chunk, List<Object>> parsed =
                        new ParallelMapPass<>(chunks(path), parseChunk(path.toString()), options.parallelism());
                openFile.set(parsed);
                return flatten(parsed);
            }
            try {
                InputStream in = CsvFiles.open(path);
                CsvReader<Object> reader = CsvLayout.readerBuilder(options)
                        .build(new RowParser(layout, path.toString(), 0, options.header()), in);
                reader.skipLines(options.skipLines());
                CloseableIterator<Object> it = reader.iterator();
                openFile.set(it);
                return it;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }

        private DatasetIterator<RecordChunker.Chunk> chunks(Path path) {
            try {
                return new RecordChunker(
                        CsvFiles.open(path),
                        CHUNK_BYTES,
                        options.delimiter(),
                        options.quote(),
                        options.trimWhitespace());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
        }

        private void checkHeader(RowParser.Header h) {
            if (layout.header != null && !h.names().equals(layout.header)) {
                throw new DataFormatException(
                        file.toString(),
                        h.line(),
                        0,
                        "header " + h.names()
                                + " differs from the first file's " + layout.header + "; all files must have the same "
                                + "columns");
            }
        }

        private void onBadRow(DataFormatException error) {
            if (options.badRows() == BadRowPolicy.FAIL) {
                throw error;
            }
            skipped++;
            if (firstErrors.size() < 3) {
                firstErrors.add(error.getMessage());
            }
            options.badRowListener().accept(error);
        }

        private void report() {
            if (skipped > 0) {
                LOG.warn(
                        "skipped {} bad CSV rows in {}; first: {}",
                        skipped,
                        files.size() == 1 ? files.get(0) : files.size() + " files",
                        String.join(" | ", firstErrors));
            }
        }

        private void closeFile() {
            records = null;
            AutoCloseable f = openFile.getAndSet(null);
            if (f != null) {
                try {
                    f.close();
                } catch (Exception e) {
                    throw new UncheckedIOException("cannot close " + file, new IOException(e));
                }
            }
        }

        @Override
        protected void release() {
            try {
                closeFile();
            } finally {
                cleanable.clean();
            }
        }
    }

    /** Parses one chunk of whole records into rows, headers and bad rows, in order. Runs on worker threads. */
    private Function<RecordChunker.Chunk, List<Object>> parseChunk(String source) {
        return chunk -> {
            boolean first = chunk.first();
            List<Object> out = new ArrayList<>(chunk.length() / 64);
            // FastCSV counts the lines it skips, so only the lines before the chunk are added.
            RowParser parser = new RowParser(layout, source, chunk.firstLine() - 1, first && options.header());
            try (CsvReader<Object> reader = CsvLayout.readerBuilder(options)
                    .build(parser, new ByteArrayInputStream(chunk.data(), 0, chunk.length()))) {
                if (first) {
                    reader.skipLines(options.skipLines());
                }
                for (Object r : reader) {
                    out.add(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CsvParseException e) {
                throw new DataFormatException(source, chunk.firstLine(), 0, e.getMessage(), e);
            }
            return out;
        };
    }

    private static void closeQuietly(java.util.concurrent.atomic.AtomicReference<AutoCloseable> file) {
        AutoCloseable f = file.getAndSet(null);
        if (f != null) {
            try {
                f.close();
            } catch (Exception ignored) {
                // The pass was abandoned: nobody is left to tell.
            }
        }
    }

    private static Iterator<Object> flatten(Iterator<List<Object>> lists) {
        return new Iterator<>() {
            private Iterator<Object> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!lists.hasNext()) {
                        return false;
                    }
                    current = lists.next().iterator();
                }
                return true;
            }

            @Override
            public Object next() {
                hasNext();
                return current.next();
            }
        };
    }
}
