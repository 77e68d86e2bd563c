package org.estimator4j.features;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.estimator4j.api.memory.FloatBudget;
import org.estimator4j.features.json.FeatureColumnJson;
import org.junit.jupiter.api.Test;

/**
 * Sizes that imply more memory than the JVM has are refused when the column is built (Java builders, column JSON),
 * naming the column, the sizes and the limit, before any table is allocated.
 */
class SizeLimitsTest {
    private static final long TWO_TO_40 = 1L << 40;

    @Test
    void anEmbeddingOverTwoToTheFortyHashBucketsIsRefusedByItsBuilder() {
        FeatureColumnException e = assertThrows(
                FeatureColumnException.class,
                () -> FeatureColumns.embeddingColumn(
                        FeatureColumns.categoricalColumnWithHashBucket("user", TWO_TO_40), 8));
        assertTrue(
                e.getMessage()
                        .startsWith("embedding column over 'user': its table of num_buckets x dimension is "
                                + "too large: 1099511627776 x 8 = 8796093022208 floats"),
                e.getMessage());
        assertTrue(e.getMessage().contains("over the limit of " + FloatBudget.maxFloats() + " floats"), e.getMessage());
    }

    @Test
    void anEmbeddingDimensionThatOverflowsTheHeapIsRefused() {
        FeatureColumnException e = assertThrows(
                FeatureColumnException.class,
                () -> FeatureColumns.embeddingColumn(
                        FeatureColumns.categoricalColumnWithVocabularyList("color", List.of("red", "green", "blue")),
                        2_000_000_000));
        assertTrue(e.getMessage().contains("3 x 2000000000 = 6000000000 floats"), e.getMessage());
    }

    @Test
    void sharedEmbeddingsAreCheckedToo() {
        FeatureColumnException e = assertThrows(
                FeatureColumnException.class,
                () -> FeatureColumns.sharedEmbeddings(
                        List.of(FeatureColumns.categoricalColumnWithHashBucket("a", TWO_TO_40)), 4));
        assertTrue(e.getMessage().startsWith("shared embedding column over 'a'"), e.getMessage());
    }

    @Test
    void columnJsonNamesThePathOfTheTooLargeColumnAndValue() {
        FeatureColumnException big = assertThrows(FeatureColumnException.class, () -> FeatureColumnJson.read("""
                [{"class_name": "EmbeddingColumn", "config": {"dimension": 4, "categorical_column":
                  {"class_name": "HashedCategoricalColumn",
                   "config": {"key": "user", "hash_bucket_size": 1099511627776}}}}]"""));
        assertTrue(
                big.getMessage().startsWith("columns[0].config: embedding column over 'user': its table"),
                big.getMessage());

        FeatureColumnException wide = assertThrows(FeatureColumnException.class, () -> FeatureColumnJson.read("""
                [{"class_name": "EmbeddingColumn", "config": {"dimension": 1099511627776, "categorical_column":
                  {"class_name": "HashedCategoricalColumn", "config": {"key": "user", "hash_bucket_size": 10}}}}]"""));
        assertTrue(
                wide.getMessage()
                        .startsWith("columns[0].config.dimension: 1099511627776 is too large; the limit is "
                                + "2147483647"),
                wide.getMessage());
    }

    @Test
    void aSizeThatFitsIsAccepted() {
        EmbeddingColumn ok =
                FeatureColumns.embeddingColumn(FeatureColumns.categoricalColumnWithHashBucket("user", 100_000), 16);
        assertTrue(ok.dimension() == 16);
    }
}
