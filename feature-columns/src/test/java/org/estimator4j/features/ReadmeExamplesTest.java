package org.estimator4j.features;

import static org.estimator4j.features.FeatureColumns.bucketizedColumn;
import static org.estimator4j.features.FeatureColumns.bucketizedColumnWithQuantiles;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithHashBucket;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithIdentity;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithLearnedVocabulary;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithVocabularyFile;
import static org.estimator4j.features.FeatureColumns.categoricalColumnWithVocabularyList;
import static org.estimator4j.features.FeatureColumns.crossedColumn;
import static org.estimator4j.features.FeatureColumns.embeddingColumn;
import static org.estimator4j.features.FeatureColumns.indicatorColumn;
import static org.estimator4j.features.FeatureColumns.numericColumn;
import static org.estimator4j.features.FeatureColumns.sharedEmbeddings;
import static org.estimator4j.features.FeatureColumns.weightedCategoricalColumn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.api.table.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's feature-column examples, as written there: they must keep compiling and mean what they say. */
class ReadmeExamplesTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExamplesBuildTheColumnsTheySay() throws IOException {
        Path countries = dir.resolve("countries.txt");
        Files.writeString(countries, "United-States\nMexico\n");

        NumericColumn age = numericColumn("age");
        NumericColumn hours = numericColumn("hours_per_week", 40f);
        BucketizedColumn ageBuckets = bucketizedColumn(age, 18, 25, 30, 35, 40);
        VocabularyListColumn relationship =
                categoricalColumnWithVocabularyList("relationship", List.of("Husband", "Wife", "Own-child"), -1, 5);
        VocabularyFileColumn country = categoricalColumnWithVocabularyFile("native_country", countries.toString());
        IdentityColumn hour = categoricalColumnWithIdentity("hour_of_day", 24);
        HashBucketColumn occupation = categoricalColumnWithHashBucket("occupation", 1000);
        CrossedColumn cross = crossedColumn(List.of(ageBuckets, "education", "occupation"), 1000);
        WeightedCategoricalColumn weighted =
                weightedCategoricalColumn(categoricalColumnWithIdentity("term_id", 10_000), "term_weight");
        IndicatorColumn relationshipOneHot = indicatorColumn(relationship);
        EmbeddingColumn occupationEmbedding = embeddingColumn(occupation, 8);
        List<SharedEmbeddingColumn> shared = sharedEmbeddings(
                List.of(categoricalColumnWithHashBucket("query", 1000), categoricalColumnWithHashBucket("title", 1000)),
                16);

        assertEquals(40f, hours.defaultValue()[0]);
        assertEquals(6, ageBuckets.numBuckets());
        assertEquals(8, relationship.numBuckets());
        assertEquals(2, country.numBuckets());
        assertEquals(24, hour.numBuckets());
        assertEquals("age_bucketized_X_education_X_occupation", cross.name());
        assertEquals("term_id_weighted_by_term_weight", weighted.name());
        assertEquals(8, relationshipOneHot.width());
        assertEquals(8, occupationEmbedding.width());
        assertEquals("query_title_shared_embedding", shared.get(0).sharedEmbeddingCollectionName());

        List<FeatureColumn> columns = List.of(
                categoricalColumnWithLearnedVocabulary("workclass", new VocabularySpec(DType.STRING, 5, 100), 1),
                numericColumn(
                        "capital_gain",
                        new int[] {1},
                        new float[] {0f},
                        Normalizer.learned(Normalizer.Kind.STANDARDIZE)),
                bucketizedColumnWithQuantiles(numericColumn("fnlwgt"), 10));
        assertEquals(3, columns.stream().filter(c -> !c.isAdapted()).count());
    }
}
