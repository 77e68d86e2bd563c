package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.assertIds;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.ids;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden values of {@code categorical_column_with_vocabulary_list} and {@code categorical_column_with_vocabulary_file}
 * from {@code tensorflow/python/feature_column/feature_column_v2_test.py}, classes
 * {@code VocabularyListCategoricalColumnTest} and {@code VocabularyFileCategoricalColumnTest}. The vocabulary files are
 * TensorFlow's testdata {@code wire_vocabulary.txt} (omar, stringer, marlo) and {@code warriors_vocabulary.txt}
 * (30, 35, 11, 23, 22), recreated here line for line.
 */
class VocabularyGoldenTest {
    private static final List<String> WIRE = List.of("omar", "stringer", "marlo");
    private static final List<Long> WARRIORS = List.of(30L, 35L, 11L, 23L, 22L);

    @TempDir
    static Path dir;

    private static String wireFile;
    private static String warriorsFile;

    @BeforeAll
    static void writeVocabularyFiles() throws IOException {
        wireFile = Files.writeString(dir.resolve("wire_vocabulary.txt"), "omar\nstringer\nmarlo\n")
                .toString();
        warriorsFile = Files.writeString(dir.resolve("warriors_vocabulary.txt"), "30\n35\n11\n23\n22\n")
                .toString();
    }

    /** SparseTensor indices ((0, 0), (1, 0), (1, 1)), values ('marlo', 'skywalker', 'omar'). */
    private static Batch marloSkywalkerOmar() {
        return rows(variable("aaa", DType.STRING))
                .row("aaa", List.of("marlo"))
                .row("aaa", List.of("skywalker", "omar"))
                .batch();
    }

    /** indices ((0, 0), (1, 0), (1, 1), (1, 2)), values ('marlo', 'skywalker', 'omar', 'heisenberg'). */
    private static Batch withHeisenberg() {
        return rows(variable("aaa", DType.STRING))
                .row("aaa", List.of("marlo"))
                .row("aaa", List.of("skywalker", "omar", "heisenberg"))
                .batch();
    }

    /** indices ((0, 0), (1, 0), (1, 1), (2, 2)), values (11, 100, 30, 22), dense_shape (3, 3). */
    private static Batch warriorsSparse() {
        return rows(variable("aaa", DType.INT64))
                .row("aaa", List.of(11L))
                .row("aaa", List.of(100L, 30L))
                .row("aaa", List.of(22L))
                .batch();
    }

    /** Dense ((11, -1, -1), (100, 30, -1), (-1, -1, 22)): -1 entries are missing. */
    private static Batch warriorsDense() {
        return rows(fixed("aaa", DType.INT64, 3))
                .row("aaa", new long[] {11, -1, -1})
                .row("aaa", new long[] {100, 30, -1})
                .row("aaa", new long[] {-1, -1, 22})
                .batch();
    }

    /** Dense (('marlo', ''), ('skywalker', 'omar')): '' entries are missing. */
    private static Batch wireDense() {
        return rows(fixed("aaa", DType.STRING, 2))
                .row("aaa", List.of("marlo", ""))
                .row("aaa", List.of("skywalker", "omar"))
                .batch();
    }

    // ---- vocabulary list ----

    /** VocabularyListCategoricalColumnTest.test_defaults_string / test_defaults_int. */
    @Test
    void listDefaults() {
        VocabularyListColumn s = FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE);
        assertEquals("aaa", s.name());
        assertEquals(3, s.numBuckets());
        assertEquals(DType.STRING, s.dtype());
        VocabularyListColumn i = FeatureColumns.categoricalColumnWithVocabularyList("aaa", List.of(12L, 24L, 36L));
        assertEquals(3, i.numBuckets());
        assertEquals(DType.INT64, i.dtype());
        assertEquals(-1, i.defaultValue());
        assertEquals(0, i.numOovBuckets());
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors / test_transform_feature → (2, -1, 0). */
    @Test
    void listGetSparseTensors() {
        assertIds(
                new long[][] {{2}, {-1, 0}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE), marloSkywalkerOmar()));
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors_dense_input → indices ((0,0),(1,0),(1,1)). */
    @Test
    void listDenseInput() {
        assertIds(
                new long[][] {{2}, {-1, 0}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE), wireDense()));
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors_default_value_in_vocabulary → (2, 2, 0). */
    @Test
    void listDefaultValueInVocabulary() {
        assertIds(
                new long[][] {{2}, {2, 0}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, 2, 0), marloSkywalkerOmar()));
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors_with_oov_buckets → (2, 33, 0, 62). */
    @Test
    void listWithOovBuckets() {
        VocabularyListColumn c = FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, -1, 100);
        assertEquals(103, c.numBuckets());
        assertIds(new long[][] {{2}, {33, 0, 62}}, ids(c, withHeisenberg()));
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors_int32 → (2, -1, 0, 4). */
    @Test
    void listInt() {
        assertIds(
                new long[][] {{2}, {-1, 0}, {4}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WARRIORS), warriorsSparse()));
    }

    /**
     * VocabularyListCategoricalColumnTest.test_get_sparse_tensors_int32_dense_input: default_value=-100 → indices
     * ((0, 0), (1, 0), (1, 1), (2, 2)), values (2, -100, 0, 4).
     */
    @Test
    void listIntDenseInput() {
        assertIds(
                new long[][] {{2}, {-100, 0}, {4}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WARRIORS, -100, 0), warriorsDense()));
    }

    /** VocabularyListCategoricalColumnTest.test_get_sparse_tensors_int32_with_oov_buckets → (2, 60, 0, 4). */
    @Test
    void listIntWithOovBuckets() {
        assertIds(
                new long[][] {{2}, {60, 0}, {4}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WARRIORS, -1, 100), warriorsSparse()));
    }

    /**
     * test_get_sparse_tensors_int32_dense_input and test_get_sparse_tensors_int32_with_oov_buckets combined (derived,
     * not a TF-stated value): the dense input's -1 entries are dropped, then 100 goes to OOV bucket 5 + 55 →
     * (2, 60, 0, 4).
     */
    @Test
    void listIntDenseInputWithOovBuckets() {
        assertIds(
                new long[][] {{2}, {60, 0}, {4}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WARRIORS, -1, 100), warriorsDense()));
    }

    /**
     * test_get_sparse_tensors_dense_input and test_get_sparse_tensors_with_oov_buckets combined (derived): dense
     * (('marlo', ''), ('skywalker', 'omar')) with 100 OOV buckets → (2, 33, 0).
     */
    @Test
    void listDenseInputWithOovBuckets() {
        assertIds(
                new long[][] {{2}, {33, 0}},
                ids(FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, -1, 100), wireDense()));
    }

    /**
     * VocabularyListCategoricalColumnTest.test_old_linear_model: num_oov_buckets=1 → num_buckets 4; "'marlo' -> 2",
     * "'skywalker' -> 3, 'omar' -> 0".
     */
    @Test
    void listOldLinearModel() {
        VocabularyListColumn c = FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, -1, 1);
        assertEquals(4, c.numBuckets());
        assertIds(new long[][] {{2}, {3, 0}}, ids(c, marloSkywalkerOmar()));
    }

    /**
     * categorical_column_with_vocabulary_list docstring: ('R', 'G', 'B', 'Y') with num_oov_buckets=2: 'B' → 2,
     * other values hashed to 4-5; ('X', 'R', 'G', 'B', 'Y') with default_value=0: 'B' → 3, unknown → 0.
     */
    @Test
    void listDocstring() {
        Batch batch = rows(variable("colors", DType.STRING))
                .row("colors", List.of("B", "purple", "teal"))
                .batch();
        long[] oov = ids(
                        FeatureColumns.categoricalColumnWithVocabularyList(
                                "colors", List.of("R", "G", "B", "Y"), -1, 2),
                        batch)
                .row(0);
        assertEquals(2, oov[0]);
        assertTrue(oov[1] >= 4 && oov[1] <= 5 && oov[2] >= 4 && oov[2] <= 5);
        assertIds(
                new long[][] {{3, 0, 0}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyList(
                                "colors", List.of("X", "R", "G", "B", "Y"), 0, 0),
                        batch));
    }

    /** VocabularyListCategoricalColumnTest.test_invalid_buckets_and_default_value and related errors. */
    @Test
    void listErrors() {
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, 2, 100),
                "aaa",
                "default_value",
                "num_oov_buckets");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyList("aaa", List.of(12L, 24L, 12L)),
                "aaa",
                "12",
                "twice");
        assertError(() -> FeatureColumns.categoricalColumnWithVocabularyList("aaa", List.of()), "aaa", "empty");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE, -1, -1),
                "aaa",
                "num_oov_buckets");
    }

    /** Input dtype mismatch ('dtype must be compatible'): int64 input for a string vocabulary. */
    @Test
    void listInputTypeMismatch() {
        CategoricalColumn c = FeatureColumns.categoricalColumnWithVocabularyList("aaa", WIRE);
        Batch batch = rows(variable("aaa", DType.INT64)).row("aaa", List.of(1L)).batch();
        assertError(() -> ids(c, batch), "'aaa'", "string", "int64");
    }

    // ---- vocabulary file ----

    /** VocabularyFileCategoricalColumnTest.test_defaults / test_all_constructor_args. */
    @Test
    void fileDefaults() {
        VocabularyFileColumn c =
                FeatureColumns.categoricalColumnWithVocabularyFile("aaa", wireFile, OptionalInt.of(3), null, -1, 0);
        assertEquals("aaa", c.name());
        assertEquals(3, c.numBuckets());
        assertEquals(-1, c.defaultValue());
        assertEquals(
                7,
                FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", wireFile, OptionalInt.of(3), DType.STRING, -1, 4)
                        .numBuckets());
    }

    /**
     * VocabularyFileCategoricalColumnTest.test_get_sparse_tensors / test_transform_feature /
     * test_get_sparse_tensors_none_vocabulary_size → (2, -1, 0).
     */
    @Test
    void fileGetSparseTensors() {
        assertIds(
                new long[][] {{2}, {-1, 0}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", wireFile, OptionalInt.of(3), null, -1, 0),
                        marloSkywalkerOmar()));
        assertIds(
                new long[][] {{2}, {-1, 0}},
                ids(FeatureColumns.categoricalColumnWithVocabularyFile("aaa", wireFile), marloSkywalkerOmar()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_dense_input → (2, -1, 0). */
    @Test
    void fileDenseInput() {
        assertIds(
                new long[][] {{2}, {-1, 0}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", wireFile, OptionalInt.of(3), null, -1, 0),
                        wireDense()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_default_value_in_vocabulary → (2, 2, 0). */
    @Test
    void fileDefaultValueInVocabulary() {
        assertIds(
                new long[][] {{2}, {2, 0}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", wireFile, OptionalInt.of(3), null, 2L, 0),
                        marloSkywalkerOmar()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_with_oov_buckets → (2, 33, 0, 62). */
    @Test
    void fileWithOovBuckets() {
        assertIds(
                new long[][] {{2}, {33, 0, 62}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", wireFile, OptionalInt.of(3), null, -1, 100),
                        withHeisenberg()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_small_vocabulary_size → (-1, -1, 0). */
    @Test
    void fileSmallVocabularySize() {
        VocabularyFileColumn c =
                FeatureColumns.categoricalColumnWithVocabularyFile("aaa", wireFile, OptionalInt.of(2), null, -1, 0);
        assertEquals(2, c.numBuckets());
        assertIds(new long[][] {{-1}, {-1, 0}}, ids(c, marloSkywalkerOmar()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_int32 → (2, -1, 0, 4). */
    @Test
    void fileInt() {
        assertIds(
                new long[][] {{2}, {-1, 0}, {4}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", warriorsFile, OptionalInt.of(5), DType.INT64, -1, 0),
                        warriorsSparse()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_int32_dense_input → (2, -100, 0, 4). */
    @Test
    void fileIntDenseInput() {
        assertIds(
                new long[][] {{2}, {-100, 0}, {4}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", warriorsFile, OptionalInt.of(5), DType.INT64, -100L, 0),
                        warriorsDense()));
    }

    /** VocabularyFileCategoricalColumnTest.test_get_sparse_tensors_int32_with_oov_buckets → (2, 60, 0, 4). */
    @Test
    void fileIntWithOovBuckets() {
        assertIds(
                new long[][] {{2}, {60, 0}, {4}},
                ids(
                        FeatureColumns.categoricalColumnWithVocabularyFile(
                                "aaa", warriorsFile, OptionalInt.of(5), DType.INT64, -1, 100),
                        warriorsSparse()));
    }

    /** VocabularyFileCategoricalColumnTest.test_old_linear_model: num_oov_buckets=1 → 4 buckets; 2, (3, 0). */
    @Test
    void fileOldLinearModel() {
        VocabularyFileColumn c =
                FeatureColumns.categoricalColumnWithVocabularyFile("wire", wireFile, OptionalInt.of(3), null, -1, 1);
        assertEquals(4, c.numBuckets());
        Batch batch = rows(variable("wire", DType.STRING))
                .row("wire", List.of("marlo"))
                .row("wire", List.of("skywalker", "omar"))
                .batch();
        assertIds(new long[][] {{2}, {3, 0}}, ids(c, batch));
    }

    /**
     * VocabularyFileCategoricalColumnTest.test_invalid_buckets_and_default_value ('both num_oov_buckets and
     * default_value'), test_invalid_vocabulary_size ('Invalid vocabulary_size'), test_too_large_vocabulary_size
     * ('Invalid vocab_size'), test_invalid_num_oov_buckets.
     */
    @Test
    void fileErrors() {
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(3), null, 2L, 100),
                "aaa",
                "default_value",
                "num_oov_buckets");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(4), null, -1, 0),
                "aaa",
                "vocabulary_size 4",
                "3 lines");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(0), null, -1, 0),
                "aaa",
                "vocabulary_size");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(-1), null, -1, 0),
                "aaa",
                "vocabulary_size");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(3), null, -1, -1),
                "aaa",
                "num_oov_buckets");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile(
                        "aaa", wireFile, OptionalInt.of(3), DType.FLOAT64, -1, 0),
                "aaa",
                "dtype must be string or int64");
    }

    /** A missing vocabulary file: the error names the column and the path. */
    @Test
    void missingVocabularyFile() {
        Path missing = dir.resolve("no_such_vocabulary.txt");
        assertError(
                () -> FeatureColumns.categoricalColumnWithVocabularyFile("aaa", missing.toString()),
                "'aaa'",
                missing.toAbsolutePath().toString());
    }
}
