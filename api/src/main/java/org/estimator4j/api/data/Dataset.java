package org.estimator4j.api.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.csv.internal.CsvDataset;
import org.estimator4j.api.data.internal.FileCache;
import org.estimator4j.api.data.internal.InterleavePass;
import org.estimator4j.api.data.internal.MemoryCache;
import org.estimator4j.api.data.internal.ParallelMapPass;
import org.estimator4j.api.data.internal.Passes;
import org.estimator4j.api.data.internal.PrefetchPass;
import org.estimator4j.api.data.internal.Records;
import org.estimator4j.api.data.internal.ShufflePass;
import org.estimator4j.api.data.internal.WindowPass;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.json.internal.JsonLinesDataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Padding;
import org.estimator4j.api.table.Schema;

/**
 * A lazy, streaming sequence of elements, modelled on {@code tf.data.Dataset}. Nothing is read until a pass starts;
 * every {@link #iterator()} call starts a new pass that re-reads the source, so a dataset can be iterated many times
 * (one pass per epoch). Operations return new datasets and never change this one.
 *
 * <pre>{@code
 * try (Dataset<Batch> train = Dataset.fromCsv(CsvOptions.builder().file(path).build())
 *         .shuffle(10_000, 42)
 *         .batch(256, false, Batch::of)
 *         .prefetch(2)) {
 *     for (Batch batch : train) { ... }
 * }
 * }</pre>
 *
 * <p>A pass holds files and, for {@link #prefetch}, {@link #map(Function, int)} and parallel CSV parsing, threads. It
 * releases them when it reaches its end or when its iterator is closed; {@link #close()} closes every pass still open
 * on this dataset. A pass dropped without either (a for-each loop left with {@code break}) is released once the
 * garbage collector finds it unreachable: correct, but late, so close what you abandon.
 *
 * @since 0.1.0
 */
public abstract class Dataset<T> implements Iterable<T>, AutoCloseable {
    private final String operation;
    private final List<Dataset<?>> inputs;
    // Weak: a pass dropped without close() must stay collectable, so that its threads and files are released.
    private final Set<DatasetIterator<?>> openPasses =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * @param operation what this dataset does, with its parameters (part of the cache fingerprint)
     * @param inputs the datasets it reads
     */
    protected Dataset(String operation, List<? extends Dataset<?>> inputs) {
        this.operation = requireNonNull(operation, "operation is null");
        this.inputs = List.copyOf(inputs);
    }

    /** Starts a new pass. */
    protected abstract DatasetIterator<T> openPass();

    /** Starts a new pass over the elements; close it (or run it to its end) to release its resources. */
    @Override
    public final DatasetIterator<T> iterator() {
        DatasetIterator<T> pass = openPass();
        Tracked<T> tracked = new Tracked<>(pass, openPasses);
        openPasses.add(tracked);
        return tracked;
    }

    /** Closes every pass still open on this dataset, stopping their threads and closing their files. */
    @Override
    public void close() {
        List<DatasetIterator<?>> open;
        synchronized (openPasses) {
            open = List.copyOf(openPasses);
        }
        for (DatasetIterator<?> pass : open) {
            pass.close();
        }
    }

    /**
     * What identifies this dataset's content: its operations and parameters and its sources' current file stamps.
     * {@link #cache(Path)} compares it to decide whether a cache file is still valid. Functions passed to map or filter
     * are identified only by the operation's name: change the cache path when you change them.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(operation);
        if (!inputs.isEmpty()) {
            sb.append('(');
            for (int i = 0; i < inputs.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(inputs.get(i).fingerprint());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return operation + (inputs.isEmpty() ? "" : " <- " + inputs);
    }

    // ---------------------------------------------------------------- sources

    /** Rows of one or more CSV files; see {@link CsvOptions} for the format, types, labels and bad-row handling. */
    public static Dataset<Example> fromCsv(CsvOptions options) {
        return new CsvDataset(options);
    }

    /** Rows of newline-delimited JSON objects, one row per line. */
    public static Dataset<Example> fromJsonLines(JsonLinesOptions options) {
        return new JsonLinesDataset(options);
    }

    /**
     * Rows from maps of column name to value (Float, Double, Integer, Long, String, Boolean, arrays or lists for
     * multivalent columns; null or an absent key for missing). The schema is inferred from the first 1000 records.
     */
    public static Dataset<Example> fromRecords(Iterable<? extends Map<String, ?>> records) {
        return fromRecords(Records.inferSchema(records), records);
    }

    /** Rows from maps, read against a declared schema. */
    public static Dataset<Example> fromRecords(Schema schema, Iterable<? extends Map<String, ?>> records) {
        requireNonNull(schema, "schema is null");
        requireNonNull(records, "records is null");
        return inMemory(
                "fromRecords(" + schema + ")",
                records,
                () -> Passes.map(Passes.of(records), Records.converter(schema)));
    }

    /**
     * Rows sliced from in-memory column arrays of equal length ({@code tf.data.Dataset.from_tensor_slices}):
     * float[], double[], long[], int[], String[] for scalars; float[][] etc. for fixed-size or variable-length values.
     */
    public static Dataset<Example> fromColumns(Map<String, ?> columns) {
        List<Example> rows = Records.slice(columns);
        return inMemory("fromColumns", rows, () -> Passes.of(rows));
    }

    /** The elements of an in-memory iterable; each pass calls {@code iterator()} again. */
    public static <T> Dataset<T> fromIterable(Iterable<T> elements) {
        requireNonNull(elements, "elements is null");
        return inMemory("fromIterable", elements, () -> Passes.of(elements));
    }

    @SafeVarargs
    public static <T> Dataset<T> of(T... elements) {
        return fromIterable(List.of(elements));
    }

    /** 0, 1, ..., end - 1. */
    public static Dataset<Long> range(long end) {
        return range(0, end);
    }

    public static Dataset<Long> range(long start, long end) {
        return derived(
                "range(" + start + "," + end + ")",
                List.of(),
                () -> Passes.of(() ->
                        java.util.stream.LongStream.range(start, end).boxed().iterator()));
    }

    // ---------------------------------------------------------------- element-wise

    public <U> Dataset<U> map(Function<? super T, ? extends U> f) {
        requireNonNull(f, "f is null");
        return derived("map", List.of(this), () -> Passes.map(iterator(), f));
    }

    /**
     * Applies {@code f} on {@code threads} background threads, keeping the input order. Worth it when {@code f} is
     * expensive (parsing, decoding); {@code f} must be thread-safe. A failure in {@code f} reaches the consumer as the
     * original exception.
     */
    public <U> Dataset<U> map(Function<? super T, ? extends U> f, int threads) {
        requireNonNull(f, "f is null");
        positive(threads, "threads");
        if (threads == 1) {
            return map(f);
        }
        return derived("map", List.of(this), () -> new ParallelMapPass<>(iterator(), f, threads));
    }

    public Dataset<T> filter(Predicate<? super T> keep) {
        requireNonNull(keep, "keep is null");
        return derived("filter", List.of(this), () -> Passes.filter(iterator(), keep));
    }

    /** Maps each element to any number of elements (a Dataset, a List, a Batch...), in order. */
    public <U> Dataset<U> flatMap(Function<? super T, ? extends Iterable<? extends U>> f) {
        requireNonNull(f, "f is null");
        return derived("flatMap", List.of(this), () -> Passes.flatMap(iterator(), f));
    }

    // ---------------------------------------------------------------- batching

    /** Consecutive elements in lists of {@code size}; the last list may be shorter. */
    public Dataset<List<T>> batch(int size) {
        return batch(size, false);
    }

    /** Consecutive elements in lists of {@code size}; with {@code dropRemainder} a shorter last list is dropped. */
    public Dataset<List<T>> batch(int size, boolean dropRemainder) {
        return batch(size, dropRemainder, elements -> elements);
    }

    /** Consecutive elements combined by {@code batcher}, e.g. {@code rows.batch(256, false, Batch::of)}. */
    public <B> Dataset<B> batch(int size, boolean dropRemainder, Batcher<? super T, ? extends B> batcher) {
        positive(size, "batch size");
        requireNonNull(batcher, "batcher is null");
        return derived(
                "batch(" + size + "," + dropRemainder + ")",
                List.of(this),
                () -> Passes.batch(iterator(), size, dropRemainder, batcher));
    }

    /**
     * Batches {@link Example} rows, padding variable-length columns to dense ones ({@code tf.data}'s
     * {@code padded_batch}). Only for datasets of Examples.
     */
    public Dataset<Batch> paddedBatch(int size, boolean dropRemainder, Padding padding) {
        requireNonNull(padding, "padding is null");
        return batch(size, dropRemainder, elements -> {
            List<Example> rows = new ArrayList<>(elements.size());
            for (T t : elements) {
                if (!(t instanceof Example e)) {
                    throw new IllegalStateException("paddedBatch batches Examples; this dataset holds "
                            + t.getClass().getName() + "; use batch(size, dropRemainder, batcher) instead");
                }
                rows.add(e);
            }
            return padding.batch(rows);
        });
    }

    /**
     * The reverse of batching: each element must be iterable (a List from {@link #batch(int)}, a {@link Batch}, whose
     * rows come back as Examples) and its items become the elements.
     */
    @SuppressWarnings("unchecked")
    public <U> Dataset<U> unbatch() {
        return derived(
                "unbatch",
                List.of(this),
                () -> Passes.flatMap(iterator(), t -> {
                    if (!(t instanceof Iterable<?> it)) {
                        throw new IllegalStateException("unbatch needs iterable elements (List, Batch); got "
                                + t.getClass().getName());
                    }
                    return (Iterable<U>) it;
                }));
    }

    /**
     * Sliding or tumbling windows ({@code tf.data}'s {@code window}): window k holds the elements at
     * {@code k*shift + j*stride}, {@code j < size}.
     */
    public Dataset<List<T>> window(int size, int shift, int stride, boolean dropRemainder) {
        positive(size, "window size");
        positive(shift, "shift");
        positive(stride, "stride");
        return derived(
                "window(" + size + "," + shift + "," + stride + "," + dropRemainder + ")",
                List.of(this),
                () -> new WindowPass<>(iterator(), size, shift, stride, dropRemainder));
    }

    /** Tumbling windows: {@code window(size, size, 1, dropRemainder)}. */
    public Dataset<List<T>> window(int size, boolean dropRemainder) {
        return window(size, size, 1, dropRemainder);
    }

    // ---------------------------------------------------------------- order and selection

    /**
     * Buffered random shuffle ({@code tf.data}'s {@code shuffle}). With a seed the orders are the same in every run;
     * with {@code reshuffleEachIteration} each pass (epoch) gets a different one, otherwise every pass repeats the
     * first. Memory: {@code bufferSize} elements.
     */
    public Dataset<T> shuffle(int bufferSize, long seed, boolean reshuffleEachIteration) {
        positive(bufferSize, "buffer size");
        AtomicLong passes = new AtomicLong();
        return derived(
                "shuffle(" + bufferSize + "," + seed + "," + reshuffleEachIteration + ")",
                List.of(this),
                () -> new ShufflePass<>(
                        iterator(),
                        bufferSize,
                        ShufflePass.passSeed(seed, reshuffleEachIteration ? passes.getAndIncrement() : 0)));
    }

    /** Seeded shuffle, a new order each pass. */
    public Dataset<T> shuffle(int bufferSize, long seed) {
        return shuffle(bufferSize, seed, true);
    }

    /** Shuffle with a random seed: orders differ between runs. */
    public Dataset<T> shuffle(int bufferSize) {
        return shuffle(bufferSize, new java.security.SecureRandom().nextLong(), true);
    }

    /** Each element {@code count} times over, pass after pass. */
    public Dataset<T> repeat(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("repeat count must be >= 0, got " + count + "; use repeat() for ever");
        }
        return derived(
                "repeat(" + count + ")",
                List.of(this),
                () -> Passes.sequence(
                        Stream.<Supplier<DatasetIterator<T>>>generate(() -> this::iterator)
                                .limit(count)
                                .iterator(),
                        true));
    }

    /** Passes over this dataset for ever (ends only if a pass is empty). */
    public Dataset<T> repeat() {
        return derived(
                "repeat",
                List.of(this),
                () -> Passes.sequence(
                        Stream.<Supplier<DatasetIterator<T>>>generate(() -> this::iterator)
                                .iterator(),
                        true));
    }

    /** At most the first {@code count} elements. */
    public Dataset<T> take(long count) {
        nonNegative(count, "take count");
        return derived("take(" + count + ")", List.of(this), () -> Passes.take(iterator(), count));
    }

    /** All but the first {@code count} elements. */
    public Dataset<T> skip(long count) {
        nonNegative(count, "skip count");
        return derived("skip(" + count + ")", List.of(this), () -> Passes.skip(iterator(), count));
    }

    /** Every {@code numShards}-th element starting at {@code index}: one worker's share. */
    public Dataset<T> shard(int numShards, int index) {
        positive(numShards, "numShards");
        if (index < 0 || index >= numShards) {
            throw new IllegalArgumentException("shard index must be in [0, " + numShards + "), got " + index);
        }
        return derived(
                "shard(" + numShards + "," + index + ")",
                List.of(this),
                () -> Passes.shard(iterator(), numShards, index));
    }

    // ---------------------------------------------------------------- combining

    /** This dataset's elements, then {@code other}'s. */
    public Dataset<T> concatenate(Dataset<? extends T> other) {
        requireNonNull(other, "other is null");
        @SuppressWarnings("unchecked")
        Dataset<T> o = (Dataset<T>) other;
        return derived(
                "concatenate",
                List.of(this, other),
                () -> Passes.sequence(
                        List.<Supplier<DatasetIterator<T>>>of(this::iterator, o::iterator)
                                .iterator(),
                        false));
    }

    /** Elements side by side; ends with the shorter dataset. */
    public <U> Dataset<Pair<T, U>> zip(Dataset<U> other) {
        return zip(other, Pair::new);
    }

    public <U, R> Dataset<R> zip(Dataset<U> other, BiFunction<? super T, ? super U, ? extends R> combine) {
        requireNonNull(other, "other is null");
        requireNonNull(combine, "combine is null");
        return derived("zip", List.of(this, other), () -> {
            DatasetIterator<T> mine = iterator();
            try {
                return Passes.zip(mine, other.iterator(), combine);
            } catch (RuntimeException | Error e) {
                mine.close();
                throw e;
            }
        });
    }

    /**
     * Maps each element to a dataset and interleaves them ({@code tf.data}'s deterministic {@code interleave}): e.g.
     * read {@code cycleLength} files at once, {@code blockLength} rows from each in turn.
     */
    public <U> Dataset<U> interleave(
            Function<? super T, ? extends Iterable<? extends U>> f, int cycleLength, int blockLength) {
        requireNonNull(f, "f is null");
        positive(cycleLength, "cycleLength");
        positive(blockLength, "blockLength");
        return derived(
                "interleave(" + cycleLength + "," + blockLength + ")",
                List.of(this),
                () -> new InterleavePass<>(iterator(), f, cycleLength, blockLength));
    }

    // ---------------------------------------------------------------- performance

    /** Keeps the elements of the first complete pass in memory and replays them in later passes. */
    public Dataset<T> cache() {
        MemoryCache<T> cache = new MemoryCache<>();
        return derived("cache", List.of(this), () -> cache.pass(this::iterator));
    }

    /**
     * Writes the first complete pass to {@code file} and reads later passes, in this run or the next, from it. The
     * file is rebuilt when the source files or the pipeline change (see {@link #fingerprint()}), or when it has an
     * older format. Elements must be {@link Example}s, {@link Batch}es, {@code LabeledBatch}es, numbers, strings,
     * booleans, primitive or string arrays, or lists, sets, maps and {@link Pair}s of these: each is written in a typed
     * binary form (rows keep their file and line), never with Java serialization, so a cache file cannot make the
     * reader instantiate a class.
     */
    public Dataset<T> cache(Path file) {
        requireNonNull(file, "file is null");
        FileCache<T> cache = new FileCache<>(file);
        return derived("cache(" + file + ")", List.of(this), () -> cache.pass(this::iterator, fingerprint()));
    }

    /** Produces up to {@code bufferSize} elements ahead on a background thread. */
    public Dataset<T> prefetch(int bufferSize) {
        positive(bufferSize, "prefetch buffer size");
        return derived(
                "prefetch(" + bufferSize + ")", List.of(this), () -> new PrefetchPass<>(this::iterator, bufferSize));
    }

    // ---------------------------------------------------------------- terminal helpers

    /** One whole pass into a list. */
    public List<T> toList() {
        List<T> out = new ArrayList<>();
        try (DatasetIterator<T> it = iterator()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** The number of elements in one pass (reads it all). */
    public long count() {
        long n = 0;
        try (DatasetIterator<T> it = iterator()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- plumbing

    private static <U> Dataset<U> derived(
            String operation, List<? extends Dataset<?>> inputs, Supplier<DatasetIterator<U>> passes) {
        return new Dataset<>(operation, inputs) {
            @Override
            protected DatasetIterator<U> openPass() {
                return passes.get();
            }
        };
    }

    /**
     * An in-memory source. Its fingerprint hashes the elements' contents, so that {@code cache(Path)} in a later run
     * with other data does not replay this run's file.
     */
    private static <U> Dataset<U> inMemory(String operation, Iterable<?> content, Supplier<DatasetIterator<U>> passes) {
        return new Dataset<>(operation, List.of()) {
            @Override
            protected DatasetIterator<U> openPass() {
                return passes.get();
            }

            @Override
            public String fingerprint() {
                long hash = 1;
                long count = 0;
                for (Object o : content) {
                    hash = hash * 0x9E3779B97F4A7C15L + o.hashCode();
                    count++;
                }
                return operation + "#" + count + ":" + Long.toHexString(hash);
            }
        };
    }

    private static void positive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    private static void nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
    }

    /** Forgets a pass once it is closed, so {@link #close()} only touches live ones. */
    private static final class Tracked<T> implements DatasetIterator<T> {
        private final DatasetIterator<T> pass;
        private final Set<DatasetIterator<?>> registry;

        Tracked(DatasetIterator<T> pass, Set<DatasetIterator<?>> registry) {
            this.pass = pass;
            this.registry = registry;
        }

        @Override
        public boolean hasNext() {
            try {
                if (pass.hasNext()) {
                    return true;
                }
            } catch (RuntimeException | Error e) {
                registry.remove(this); // the pass closed itself on the way out
                throw e;
            }
            registry.remove(this);
            return false;
        }

        @Override
        public T next() {
            return pass.next();
        }

        @Override
        public void close() {
            registry.remove(this);
            pass.close();
        }

        @Override
        public String toString() {
            return pass.toString();
        }
    }
}
