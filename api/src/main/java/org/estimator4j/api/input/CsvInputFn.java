package org.estimator4j.api.input;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;

/**
 * The standard input function for CSV files ({@code tf.data.experimental.make_csv_dataset}'s recipe): in TRAIN mode
 * shuffle rows with a seeded buffer and repeat for the configured number of epochs (for ever by default); in EVAL and
 * PREDICT read once, in file order. Rows are batched into columns, split into features and the label columns
 * ({@link CsvOptions#labelColumns()}; PREDICT drops them), and prefetched on a background thread.
 *
 * <pre>{@code
 * InputFn train = CsvInputFn.builder(options).batchSize(256).shuffleBuffer(10_000).seed(42).epochs(10).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvInputFn implements InputFn {
    private final CsvOptions options;
    private final int batchSize;
    private final int shuffleBuffer;
    private final long seed;
    private final long epochs;
    private final int prefetch;

    private CsvInputFn(Builder b) {
        this.options = b.options;
        this.batchSize = b.batchSize;
        this.shuffleBuffer = b.shuffleBuffer;
        this.seed = b.seed;
        this.epochs = b.epochs;
        this.prefetch = b.prefetch;
    }

    public static Builder builder(CsvOptions options) {
        return new Builder(options);
    }

    @Override
    public Dataset<LabeledBatch> apply(Mode mode) {
        requireNonNull(mode, "mode is null");
        Dataset<Example> rows = Dataset.fromCsv(options);
        if (mode == Mode.TRAIN) {
            if (shuffleBuffer > 1) {
                rows = rows.shuffle(shuffleBuffer, seed, true);
            }
            rows = epochs < 0 ? rows.repeat() : rows.repeat(epochs);
        }
        List<String> labels = mode == Mode.PREDICT ? List.of() : options.labelColumns();
        List<String> dropped = mode == Mode.PREDICT ? options.labelColumns() : List.of();
        Dataset<LabeledBatch> batches =
                rows.batch(batchSize, false, Batch::of).map(b -> LabeledBatch.split(b.drop(dropped), labels));
        return prefetch > 0 ? batches.prefetch(prefetch) : batches;
    }

    public static final class Builder {
        private final CsvOptions options;
        private int batchSize = 128;
        private int shuffleBuffer = 10_000;
        private long seed = 0;
        private long epochs = -1;
        private int prefetch = 2;

        private Builder(CsvOptions options) {
            this.options = requireNonNull(options, "options is null");
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Rows in the TRAIN shuffle buffer; 1 or 0 turns shuffling off. */
        public Builder shuffleBuffer(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("shuffleBuffer must be >= 0, got " + rows);
            }
            this.shuffleBuffer = rows;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Passes over the data in TRAIN mode; -1 (the default) repeats until the estimator stops. */
        public Builder epochs(long epochs) {
            if (epochs < -1 || epochs == 0) {
                throw new IllegalArgumentException("epochs must be positive, or -1 for ever; got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Batches prepared ahead on a background thread; 0 turns prefetching off. */
        public Builder prefetch(int batches) {
            if (batches < 0) {
                throw new IllegalArgumentException("prefetch must be >= 0, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        public CsvInputFn build() {
            return new CsvInputFn(this);
        }
    }
}
