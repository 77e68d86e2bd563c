package org.estimator4j.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes in a config that imply more memory than the JVM has ({@code hidden_units} of 2e9, 2^40 hash buckets, an
 * embedding dimension of 2^40, {@code batch_size} 2^31-1) are refused by {@code e4j train} with one line naming the
 * config path, the value and the limit, before a run is recorded or anything is allocated.
 */
class SizeLimitsTest {
    @TempDir
    Path dir;

    private Path config;

    private static final String CONFIG = """
            {
              "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 32, "epochs": 1},
              "feature_columns": [
                {"class_name": "EmbeddingColumn", "config": {"dimension": 2, "categorical_column":
                   {"class_name": "HashedCategoricalColumn", "config": {"key": "color", "hash_bucket_size": 10}}}},
                {"class_name": "NumericColumn", "config": {"key": "size"}}],
              "estimator": {"type": "DNNClassifier", "hidden_units": [4], "label_vocabulary": ["no", "yes"]},
              "run_config": {"model_dir": "model"}
            }
            """;

    @BeforeEach
    void writeDataAndConfig() throws IOException {
        ColorsData.write(dir);
        config = dir.resolve("experiment.json");
        Files.writeString(config, CONFIG);
    }

    private CliRun train(String... sets) {
        return CliRun.trainWithoutEval(config, sets);
    }

    private void assertRefused(CliRun r, String... expected) {
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), r.err());
        }
        assertFalse(r.err().contains("Error") || r.err().contains("Exception"), r.err());
        assertFalse(r.out().contains("recording run"), r.out());
        assertFalse(Files.exists(dir.resolve("model")), "nothing may be written for a refused config");
    }

    @Test
    void twoBillionHiddenUnits() {
        assertRefused(
                train("estimator.hidden_units=[2000000000]"),
                "experiment.json.estimator.hidden_units[0] = 2000000000 is too large",
                "3 x 2000000000 = 6000000000 " + "floats",
                "over the limit of",
                "use fewer units");
    }

    @Test
    void twoToTheFortyHashBucketsUnderAnEmbedding() throws IOException {
        Files.writeString(config, CONFIG.replace("\"hash_bucket_size\": 10", "\"hash_bucket_size\": 1099511627776"));
        assertRefused(
                train(),
                "experiment.json.feature_columns[0].config: embedding column over 'color': its table "
                        + "of num_buckets x dimension is too large: 1099511627776 x 2",
                "use fewer buckets");
    }

    @Test
    void twoToTheFortyHashBucketsInALinearModel() throws IOException {
        Files.writeString(
                config,
                CONFIG.replace("\"hash_bucket_size\": 10", "\"hash_bucket_size\": 1099511627776")
                        .replace(
                                "{\"class_name\": \"EmbeddingColumn\", \"config\": {\"dimension\": 2, \"categorical_column\":",
                                "")
                        .replace("10}}}},", "10}},")
                        .replace("1099511627776}}}},", "1099511627776}},")
                        .replace(
                                "\"type\": \"DNNClassifier\", \"hidden_units\": [4]",
                                "\"type\": \"LinearClassifier\""));
        assertRefused(
                train(),
                "experiment.json.estimator: categorical column 'color' has 1099511627776 buckets",
                "use fewer buckets");
    }

    @Test
    void anEmbeddingDimensionOfTwoToTheForty() throws IOException {
        Files.writeString(config, CONFIG.replace("\"dimension\": 2", "\"dimension\": 1099511627776"));
        assertRefused(
                train(),
                "experiment.json.feature_columns[0].config.dimension: 1099511627776 is too large; the "
                        + "limit is 2147483647");
        Files.writeString(config, CONFIG.replace("\"dimension\": 2", "\"dimension\": 2000000000"));
        assertRefused(
                train(),
                "experiment.json.feature_columns[0].config: embedding column over 'color'",
                "10 x 2000000000 = 20000000000 floats");
    }

    @Test
    void aBatchSizeOfTwoToTheThirtyOneMinusOne() {
        assertRefused(
                train("data.batch_size=2147483647"),
                "experiment.json.data.batch_size: 2147483647 is too " + "large",
                "2147483647 x 4 = 8589934588 floats",
                "use a smaller batch_size");
    }
}
