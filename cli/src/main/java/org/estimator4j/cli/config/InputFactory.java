package org.estimator4j.cli.config;

import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.input.CsvInputFn;
import org.estimator4j.api.input.InputFn;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;

/**
 * The input functions of an experiment: its train and eval files read in their split's CSV format with the config's
 * batching, or other files of the same format for prediction.
 *
 * @param source the config file's name, for messages
 * @param epochs passes over the train files; negative: until the steps stop training
 */
record InputFactory(
        String source,
        List<Path> trainFiles,
        List<Path> evalFiles,
        CsvFormat dataFormat,
        CsvFormat trainFormat,
        CsvFormat evalFormat,
        String label,
        int batchSize,
        int shuffleBuffer,
        long seed,
        long epochs) {

    /** TRAIN input: the train files, shuffled and repeated for the configured epochs. */
    InputFn trainInput() {
        return inputFn(trainFiles, "train_files", trainFormat);
    }

    /** EVAL and PREDICT input: the eval files, in order. */
    InputFn evalInput() {
        return inputFn(evalFiles, "eval_files", evalFormat);
    }

    /** Other CSV files of the data format, read in order without labels (a label column, if any, is dropped). */
    InputFn inputFrom(List<Path> files) {
        CsvOptions options = dataFormat.options(files, null);
        return mode -> Dataset.fromCsv(options)
                .batch(batchSize, false, Batch::of)
                .map(b -> {
                    Batch features = b.schema().contains(label) ? b.drop(List.of(label)) : b;
                    return new LabeledBatch(features, features.select(List.of()));
                });
    }

    /** How the train files are read (files, header, skipped lines). */
    CsvOptions trainCsv() {
        return trainFormat.options(trainFiles, label);
    }

    private InputFn inputFn(List<Path> files, String what, CsvFormat format) {
        if (files.isEmpty()) {
            throw new ConfigException(source + ".data." + what + ": no files; add them to the config");
        }
        CsvOptions options = format.options(files, label);
        return CsvInputFn.builder(options)
                .batchSize(batchSize)
                .shuffleBuffer(shuffleBuffer)
                .seed(seed)
                .epochs(epochs)
                .build();
    }
}
