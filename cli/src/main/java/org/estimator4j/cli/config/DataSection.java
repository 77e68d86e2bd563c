package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.List;
import java.util.Map;

/**
 * {@code data}: the CSV files, the label, batching and the CSV format of every file ({@code header} ... {@code
 * parsing_threads}), which {@code train} and {@code eval} override key by key for one split. Absent keys take their
 * defaults here, so the record is also the effective section.
 */
record DataSection(
        List<String> trainFiles,
        List<String> evalFiles,
        @JsonProperty(required = true) String label,
        Integer batchSize,
        Integer shuffleBuffer,
        Long seed,
        JsonNode epochs,
        Boolean header,
        List<String> columnNames,
        Map<String, String> columnTypes,
        String delimiter,
        String quote,
        List<String> naTokens,
        Boolean trimWhitespace,
        Integer skipLines,
        Integer parsingThreads,
        CsvSection train,
        CsvSection eval) {

    /** {@code "epochs": "forever"}: repeat the train files until the steps stop training. */
    static final String FOREVER = "forever";

    DataSection {
        trainFiles = trainFiles == null ? List.of() : trainFiles;
        evalFiles = evalFiles == null ? List.of() : evalFiles;
        ConfigBinder.required("label", label);
        batchSize = ConfigBinder.atLeast("batch_size", batchSize, 128, 1, "use a positive number of rows per batch");
        shuffleBuffer = ConfigBinder.atLeast(
                "shuffle_buffer", shuffleBuffer, 10_000, 0, "use 0 or more rows (0 or 1 turns shuffling off)");
        seed = seed == null ? 0L : seed;
        epochs = epochs(epochs);
        CsvSection csv = new CsvSection(
                        header,
                        columnNames,
                        columnTypes,
                        delimiter,
                        quote,
                        naTokens,
                        trimWhitespace,
                        skipLines,
                        parsingThreads)
                .over(CsvFormat.DEFAULTS);
        header = csv.header();
        columnNames = csv.columnNames();
        columnTypes = csv.columnTypes();
        delimiter = csv.delimiter();
        quote = csv.quote();
        naTokens = csv.naTokens();
        trimWhitespace = csv.trimWhitespace();
        skipLines = csv.skipLines();
        parsingThreads = csv.parsingThreads();
        train = train == null ? null : train.over(csv);
        eval = eval == null ? null : eval.over(csv);
    }

    /** {@code epochs}: a positive number of passes, or {@value #FOREVER}; 1 when absent. */
    private static JsonNode epochs(JsonNode epochs) {
        String use = "use a positive number of passes over the train files, or \"" + FOREVER
                + "\" to repeat them until train.steps / max_steps stop training";
        if (epochs == null || epochs.isNull()) {
            return IntNode.valueOf(1);
        }
        if (epochs.isTextual()
                ? !epochs.textValue().equals(FOREVER)
                : epochs.isIntegralNumber() && (!epochs.canConvertToLong() || epochs.longValue() < 1)) {
            throw ConfigBinder.Problem.notAllowed("epochs", use);
        }
        if (!epochs.isTextual() && !epochs.isIntegralNumber()) {
            throw ConfigBinder.Problem.at("epochs", "expected an integer, got " + epochs);
        }
        return epochs;
    }

    /** Passes over the train files; -1 for {@value #FOREVER} (CsvInputFn's "repeat for ever"). */
    long epochCount() {
        return epochs.isTextual() ? -1 : epochs.longValue();
    }

    /** The format keys of every file, as given or defaulted. */
    CsvSection csv() {
        return new CsvSection(
                header,
                columnNames,
                columnTypes,
                delimiter,
                quote,
                naTokens,
                trimWhitespace,
                skipLines,
                parsingThreads);
    }
}
