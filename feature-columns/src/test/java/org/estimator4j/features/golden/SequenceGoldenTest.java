package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.table;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.SequenceCategoricalColumn;
import org.estimator4j.features.SequenceFeatures;
import org.estimator4j.features.SequenceNumericColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tf.feature_column.sequence_* columns through tf.keras.experimental.SequenceFeatures: values padded to the batch's
 * longest sequence (numeric with default_value, indicator and embedding with zeros) and the sequence lengths
 * (TensorFlow's sequence_length_from_sparse_tensor: values per row over the element size, rounded up). Expected values
 * are computed by hand from TensorFlow's definitions.
 */
class SequenceGoldenTest {
    private static SequenceFeatures.Output sequence(List<? extends FeatureColumn> columns, Batch batch) {
        return sequence(columns, batch, new EmbeddingTables(0));
    }

    private static SequenceFeatures.Output sequence(
            List<? extends FeatureColumn> columns, Batch batch, EmbeddingTables tables) {
        return SequenceFeatures.of(columns).transform(new TransformContext(batch, tables));
    }

    private static void assertPositions(float[][][] expected, SequenceFeatures.Output out) {
        assertEquals(expected.length, out.batchSize(), "rows");
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, out.maxLength(), "padded length");
            for (int p = 0; p < expected[r].length; p++) {
                assertArrayEquals(expected[r][p], out.position(r, p), 1e-6f, "row " + r + " position " + p);
            }
        }
    }

    private static Batch prices() {
        return rows(variable("price", DType.FLOAT32))
                .row("price", List.of(1f, 2f, 3f))
                .row("price", List.of(4f))
                .row("price", List.of())
                .batch();
    }

    @Test
    void numericPadsWithDefaultValueAndCountsLengths() {
        SequenceNumericColumn c = FeatureColumns.sequenceNumericColumn("price");
        SequenceFeatures.Output out = sequence(List.of(c), prices());
        assertArrayEquals(new long[] {3, 1, 0}, out.sequenceLengths());
        assertPositions(new float[][][] {{{1}, {2}, {3}}, {{4}, {0}, {0}}, {{0}, {0}, {0}}}, out);

        SequenceNumericColumn padded = FeatureColumns.sequenceNumericColumn("price", new int[] {1}, -1f, DType.FLOAT32);
        assertPositions(
                new float[][][] {{{1}, {2}, {3}}, {{4}, {-1}, {-1}}, {{-1}, {-1}, {-1}}},
                sequence(List.of(padded), prices()));
    }

    /** shape (2,): a row's values are elements of 2; an incomplete last element is padded, its length rounded up. */
    @Test
    void numericElementShapeGroupsValues() {
        SequenceNumericColumn c = FeatureColumns.sequenceNumericColumn("xy", new int[] {2}, 9f, DType.FLOAT32);
        Batch batch = rows(variable("xy", DType.FLOAT32))
                .row("xy", List.of(1f, 2f, 3f, 4f))
                .row("xy", List.of(5f, 6f, 7f))
                .row("xy", List.of(8f, 0f))
                .batch();
        SequenceFeatures.Output out = sequence(List.of(c), batch);
        assertEquals(2, out.dimension());
        assertArrayEquals(new long[] {2, 2, 1}, out.sequenceLengths());
        assertPositions(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 9}}, {{8, 0}, {9, 9}}}, out);
    }

    private static Batch tokens() {
        return rows(variable("ids", DType.INT64))
                .row("ids", List.of(1L, 2L, 5L))
                .row("ids", List.of(0L))
                .batch();
    }

    /** Identity: out-of-range ids become default_value; the indicator is one-hot per position, zeros when padded. */
    @Test
    void identityIdsAndIndicatorPerPosition() {
        SequenceCategoricalColumn c = FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 3, 0);
        assertEquals(3, c.numBuckets());
        assertEquals("ids", c.name());
        assertIds(new long[][] {{1, 2, 0}, {0}}, ids(c, tokens()));
        SequenceFeatures.Output out = sequence(List.of(FeatureColumns.indicatorColumn(c)), tokens());
        assertArrayEquals(new long[] {3, 1}, out.sequenceLengths());
        assertPositions(new float[][][] {{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, {{1, 0, 0}, {0, 0, 0}, {0, 0, 0}}}, out);
    }

    @Test
    void identityWithoutDefaultRefusesOutOfRangeIds() {
        SequenceCategoricalColumn c = FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 3);
        assertError(() -> ids(c, tokens()), "value 5 is not in [0, 3)");
    }

    /** Hash buckets: each position's id is the non-sequence column's id of that value (FarmHash fingerprint). */
    @Test
    void hashBucketIdsEqualTheNonSequenceColumnsPerElement() {
        Batch batch = rows(variable("words", DType.STRING))
                .row("words", List.of("the", "cat", "sat"))
                .row("words", List.of("dog"))
                .batch();
        SequenceCategoricalColumn seq =
                FeatureColumns.sequenceCategoricalColumnWithHashBucket("words", 10, DType.STRING);
        long[][] expected = new long[2][];
        String[][] words = {{"the", "cat", "sat"}, {"dog"}};
        for (int r = 0; r < 2; r++) {
            expected[r] = new long[words[r].length];
            for (int p = 0; p < words[r].length; p++) {
                Batch one = rows(variable("words", DType.STRING))
                        .row("words", List.of(words[r][p]))
                        .batch();
                expected[r][p] = ids(FeatureColumns.categoricalColumnWithHashBucket("words", 10), one)
                        .id(0, 0);
            }
        }
        assertIds(expected, ids(seq, batch));
        assertEquals(10, seq.numBuckets());
    }

    /** Vocabulary: known values by index, unknown ones to OOV buckets [size, size + num_oov_buckets). */
    @Test
    void vocabularyListWithOovBuckets() {
        Batch batch = rows(variable("colors", DType.STRING))
                .row("colors", List.of("B", "purple", "R"))
                .row("colors", List.of("G"))
                .batch();
        SequenceCategoricalColumn c = FeatureColumns.sequenceCategoricalColumnWithVocabularyList(
                "colors", List.of("R", "G", "B", "Y"), -1, 2);
        assertEquals(6, c.numBuckets());
        long[] row0 = ids(c, batch).row(0);
        assertEquals(2, row0[0]);
        assertTrue(row0[1] >= 4 && row0[1] <= 5, "OOV bucket " + row0[1]);
        assertEquals(0, row0[2]);
        assertArrayEquals(new long[] {1}, ids(c, batch).row(1));
        assertArrayEquals(
                ids(
                                FeatureColumns.categoricalColumnWithVocabularyList(
                                        "colors", List.of("R", "G", "B", "Y"), -1, 2),
                                batch)
                        .row(0),
                row0);
    }

    /** Without OOV buckets an unknown value is -1: it counts in the length and is a zero vector at its position. */
    @Test
    void unknownValueWithoutOovIsAZeroPositionThatCounts() {
        Batch batch = rows(variable("colors", DType.STRING))
                .row("colors", List.of("zz", "G"))
                .batch();
        SequenceCategoricalColumn c =
                FeatureColumns.sequenceCategoricalColumnWithVocabularyList("colors", List.of("R", "G"), -1, 0);
        SequenceFeatures.Output out = sequence(List.of(FeatureColumns.indicatorColumn(c)), batch);
        assertArrayEquals(new long[] {2}, out.sequenceLengths());
        assertPositions(new float[][][] {{{0, 0}, {0, 1}}}, out);
    }

    /** Embedding: each position's own table row; padding zeros; columns concatenated in name order. */
    @Test
    void embeddingPerPositionConcatenatedInNameOrder() {
        SequenceCategoricalColumn c = FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 3, 0);
        EmbeddingColumn e = FeatureColumns.embeddingColumn(c, 2);
        EmbeddingTables tables = new EmbeddingTables(0).put(e.tableName(), table(f(1, 2), f(3, 4), f(5, 6)));
        Batch batch = rows(variable("ids", DType.INT64), variable("z", DType.FLOAT32))
                .row("ids", List.of(2L, 1L), "z", List.of(7f, 8f))
                .row("ids", List.of(0L), "z", List.of(9f))
                .batch();
        SequenceFeatures.Output out = sequence(List.of(FeatureColumns.sequenceNumericColumn("z"), e), batch, tables);
        assertEquals(3, out.dimension());
        assertArrayEquals(new long[] {2, 1}, out.sequenceLengths());
        assertPositions(new float[][][] {{{5, 6, 7}, {3, 4, 8}}, {{1, 2, 9}, {0, 0, 0}}}, out);
    }

    @Test
    void columnsWithDifferentLengthsAreRefused() {
        Batch batch = rows(variable("ids", DType.INT64), variable("z", DType.FLOAT32))
                .row("ids", List.of(2L, 1L), "z", List.of(7f))
                .batch();
        List<FeatureColumn> columns = List.of(
                FeatureColumns.sequenceNumericColumn("z"),
                FeatureColumns.indicatorColumn(FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 3)));
        assertError(() -> sequence(columns, batch), "different lengths (2 and 1)");
    }

    @Test
    void nonSequenceColumnsAreRefused() {
        assertError(
                () -> SequenceFeatures.of(List.of(FeatureColumns.numericColumn("price"))),
                "SequenceFeatures takes sequence_numeric_column");
        assertError(
                () -> SequenceFeatures.of(List.of(
                        FeatureColumns.indicatorColumn(FeatureColumns.categoricalColumnWithIdentity("ids", 3)))),
                "wrap a sequence categorical column");
    }

    /** Vocabulary file: line numbers are ids, as categorical_column_with_vocabulary_file's per element. */
    @Test
    void vocabularyFileIdsPerPosition(@TempDir Path dir) throws IOException {
        String file = Files.writeString(dir.resolve("wire.txt"), "omar\nstringer\nmarlo\n")
                .toString();
        SequenceCategoricalColumn c = FeatureColumns.sequenceCategoricalColumnWithVocabularyFile(
                "aaa", file, OptionalInt.empty(), DType.STRING, 0, 0);
        Batch batch = rows(variable("aaa", DType.STRING))
                .row("aaa", List.of("marlo", "skywalker", "omar"))
                .row("aaa", List.of("stringer"))
                .batch();
        assertIds(new long[][] {{2, 0, 0}, {1}}, ids(c, batch));
        assertEquals(3, c.numBuckets());
    }

    /** As TensorFlow's DenseFeatures and linear models, the transformers refuse sequence columns. */
    @Test
    void denseAndLinearInputsRefuseSequenceColumns() {
        SequenceCategoricalColumn ids = FeatureColumns.sequenceCategoricalColumnWithIdentity("ids", 3);
        for (FeatureColumn c : List.of(
                FeatureColumns.sequenceNumericColumn("z"),
                FeatureColumns.indicatorColumn(ids),
                FeatureColumns.embeddingColumn(ids, 2))) {
            assertError(() -> FeatureTransformer.dense(List.of(c)), "is a sequence column", "use SequenceFeatures");
        }
        assertError(() -> FeatureTransformer.linear(List.of(ids)), "is a sequence column", "a linear input");
    }
}
