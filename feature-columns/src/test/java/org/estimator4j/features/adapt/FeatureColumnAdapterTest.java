package org.estimator4j.features.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.junit.jupiter.api.Test;

class FeatureColumnAdapterTest {
    private static final Schema SCHEMA = Schema.of(
            Field.scalar("city", DType.STRING), Field.scalar("x", DType.FLOAT32), Field.scalar("zone", DType.STRING));

    private static Dataset<Batch> data(String[] cities, float[] xs) {
        List<Example> rows = new ArrayList<>();
        for (int i = 0; i < cities.length; i++) {
            Example.Builder b = Example.builder(SCHEMA).set("x", xs[i]).set("zone", "z" + (i % 2));
            if (cities[i] != null) {
                b.set("city", cities[i]);
            }
            rows.add(b.build());
        }
        return Dataset.fromIterable(rows).batch(3, false, Batch::of);
    }

    @Test
    void learnsAVocabularyByFrequencyThenValueWithMinFrequencyAndMaxTokens() {
        String[] cities = {"b", "a", "c", "b", "a", "d", "b", null, "c", "e"};
        VocabularyListColumn city = FeatureColumns.categoricalColumnWithLearnedVocabulary(
                "city", new VocabularySpec(DType.STRING, 2, null), 0);
        assertFalse(city.isAdapted());
        assertThrows(FeatureColumnException.class, city::numBuckets);
        VocabularyListColumn learned =
                (VocabularyListColumn) FeatureColumnAdapter.adapt(List.of(city), data(cities, new float[cities.length]))
                        .get(0);
        // b: 3; a, c: 2 (tie broken by value); d, e: 1 < min_frequency.
        assertEquals(List.of("b", "a", "c"), learned.vocabularyList());
        assertTrue(learned.isAdapted());
        assertEquals(city.learnSpec(), learned.learnSpec());

        VocabularyListColumn top2 = (VocabularyListColumn) FeatureColumnAdapter.adapt(
                        List.of(FeatureColumns.categoricalColumnWithLearnedVocabulary(
                                "city", new VocabularySpec(DType.STRING, 1, 2), 0)),
                        data(cities, new float[cities.length]))
                .get(0);
        assertEquals(List.of("b", "a"), top2.vocabularyList());
    }

    @Test
    void learnsStandardizingAndMinMaxNormalizers() {
        float[] xs = {1, 2, 3, 4};
        String[] cities = {"a", "a", "a", "a"};
        NumericColumn standard =
                FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.STANDARDIZE));
        NumericColumn minMax =
                FeatureColumns.numericColumn("x", new int[] {1}, null, Normalizer.learned(Normalizer.Kind.MIN_MAX));
        List<FeatureColumn> learned = FeatureColumnAdapter.adapt(List.of(standard), data(cities, xs));
        Normalizer n = ((NumericColumn) learned.get(0)).normalizer();
        assertEquals(2.5, n.a(), 1e-12);
        assertEquals(Math.sqrt(1.25), n.b(), 1e-12); // population standard deviation
        Normalizer m = ((NumericColumn) FeatureColumnAdapter.adapt(List.of(minMax), data(cities, xs))
                        .get(0))
                .normalizer();
        assertEquals(1.0, m.a());
        assertEquals(4.0, m.b());

        FeatureTransformer t = FeatureTransformer.dense(learned);
        float[] dense = t.transform(data(cities, xs).toList().get(0), new EmbeddingTables(0))
                .dense();
        assertEquals((float) ((1 - 2.5) / Math.sqrt(1.25)), dense[0], 1e-6);
    }

    @Test
    void learnsQuantileBoundariesThatSplitTheDataEvenly() {
        int n = 10_000;
        float[] xs = new float[n];
        String[] cities = new String[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            cities[i] = "a";
        }
        BucketizedColumn quartiles = FeatureColumns.bucketizedColumnWithQuantiles(FeatureColumns.numericColumn("x"), 4);
        BucketizedColumn learned = (BucketizedColumn)
                FeatureColumnAdapter.adapt(List.of(quartiles), data(cities, xs)).get(0);
        float[] b = learned.boundaries();
        assertEquals(3, b.length);
        float[] expected = {2_500, 5_000, 7_500};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], b[i], n * 0.02, "boundary " + i + " of " + java.util.Arrays.toString(b));
        }
        assertEquals(Integer.valueOf(4), learned.quantileBuckets());
    }

    @Test
    void repeatedValuesGiveFewerDistinctBoundaries() {
        float[] xs = {1, 1, 1, 1, 1, 1, 2, 2};
        String[] cities = new String[xs.length];
        java.util.Arrays.fill(cities, "a");
        BucketizedColumn learned = (BucketizedColumn) FeatureColumnAdapter.adapt(
                        List.of(FeatureColumns.bucketizedColumnWithQuantiles(FeatureColumns.numericColumn("x"), 4)),
                        data(cities, xs))
                .get(0);
        assertArrayEquals(new float[] {1, 2}, learned.boundaries());
    }

    @Test
    void learnedColumnsInsideEmbeddingsAndSharedEmbeddingsAreRebuilt() {
        String[] cities = {"a", "b", "a"};
        VocabularyListColumn city =
                FeatureColumns.categoricalColumnWithLearnedVocabulary("city", VocabularySpec.strings(), 1);
        VocabularyListColumn zone =
                FeatureColumns.categoricalColumnWithLearnedVocabulary("zone", VocabularySpec.strings(), 2);
        EmbeddingColumn embedded = FeatureColumns.embeddingColumn(city, 4);
        List<SharedEmbeddingColumn> shared = FeatureColumns.sharedEmbeddings(List.of(city, zone), 3);
        assertFalse(embedded.isAdapted());
        List<FeatureColumn> columns = new ArrayList<>(List.of(embedded));
        columns.addAll(shared);
        List<FeatureColumn> learned = FeatureColumnAdapter.adapt(columns, data(cities, new float[3]));
        EmbeddingColumn e = (EmbeddingColumn) learned.get(0);
        assertTrue(e.isAdapted());
        assertEquals(3, e.categoricalColumn().numBuckets()); // a, b + 1 OOV bucket
        SharedEmbeddingColumn s = (SharedEmbeddingColumn) learned.get(2);
        assertEquals(4, s.categoricalColumn().numBuckets()); // z0, z1 + 2 OOV buckets
        assertEquals(shared.get(1).sharedEmbeddingCollectionName(), s.sharedEmbeddingCollectionName());
    }

    @Test
    void columnsWithNothingToLearnComeBackUnchanged() {
        NumericColumn x = FeatureColumns.numericColumn("x");
        assertEquals(List.of(x), FeatureColumnAdapter.adapt(List.of(x), data(new String[] {"a"}, new float[] {1})));
    }
}
