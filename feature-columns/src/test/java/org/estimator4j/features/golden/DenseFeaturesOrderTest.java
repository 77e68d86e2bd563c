package org.estimator4j.features.golden;

import static org.estimator4j.features.golden.Golden.assertDense;
import static org.estimator4j.features.golden.Golden.assertError;
import static org.estimator4j.features.golden.Golden.dense;
import static org.estimator4j.features.golden.Golden.f;
import static org.estimator4j.features.golden.Golden.fixed;
import static org.estimator4j.features.golden.Golden.rows;
import static org.estimator4j.features.golden.Golden.scalar;
import static org.estimator4j.features.golden.Golden.table;
import static org.estimator4j.features.golden.Golden.variable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.IndicatorColumn;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.junit.jupiter.api.Test;

/**
 * DenseFeatures / input_layer concatenate columns sorted by name ({@code _normalize_feature_columns}:
 * {@code sorted(feature_columns, key=lambda x: x.name)}, Python's code-point order). Golden values from
 * {@code tensorflow/python/feature_column/feature_column_v2_test.py}, class {@code FunctionalInputLayerTest}.
 */
class DenseFeaturesOrderTest {
    /**
     * FunctionalInputLayerTest.test_column_order: {'price_a': [[1.]], 'price_b': [[3.]]} → [[1., 3.]] whether the
     * columns are given as [price_a, price_b] or [price_b, price_a].
     */
    @Test
    void columnOrder() {
        NumericColumn a = FeatureColumns.numericColumn("price_a");
        NumericColumn b = FeatureColumns.numericColumn("price_b");
        Batch batch = rows(scalar("price_a", DType.FLOAT32), scalar("price_b", DType.FLOAT32))
                .row("price_a", 1.0, "price_b", 3.0)
                .batch();
        assertDense(new float[][] {{1, 3}}, dense(List.of(a, b), batch));
        assertDense(new float[][] {{1, 3}}, dense(List.of(b, a), batch));
    }

    /**
     * FunctionalInputLayerTest.test_multi_column: price1 shape 2, price2 scalar, {'price1': [[1., 2.], [5., 6.]],
     * 'price2': [[3.], [4.]]} → [[1., 2., 3.], [5., 6., 4.]].
     */
    @Test
    void multiColumn() {
        NumericColumn price1 = FeatureColumns.numericColumn("price1", new int[] {2}, null, null);
        NumericColumn price2 = FeatureColumns.numericColumn("price2");
        Batch batch = rows(fixed("price1", DType.FLOAT32, 2), scalar("price2", DType.FLOAT32))
                .row("price1", f(1, 2), "price2", 3.0)
                .row("price1", f(5, 6), "price2", 4.0)
                .batch();
        assertDense(new float[][] {{1, 2, 3}, {5, 6, 4}}, dense(List.of(price2, price1), batch));
    }

    private static List<FeatureColumn> priceBodyStyleCountry(int dimension) {
        NumericColumn price = FeatureColumns.numericColumn("price");
        CategoricalColumn bodyStyle =
                FeatureColumns.categoricalColumnWithVocabularyList("body-style", List.of("hardtop", "wagon", "sedan"));
        IndicatorColumn oneHotBodyStyle = FeatureColumns.indicatorColumn(bodyStyle);
        CategoricalColumn country =
                FeatureColumns.categoricalColumnWithVocabularyList("country", List.of("US", "JP", "CA"));
        EmbeddingColumn embeddedCountry = FeatureColumns.embeddingColumn(country, dimension);
        return List.of(price, oneHotBodyStyle, embeddedCountry);
    }

    /**
     * FunctionalInputLayerTest.test_with_1d_sparse_tensor: 'price' [11., 12.], 'body-style' SparseTensor
     * ('sedan', 'hardtop') at ((0,), (1,)), 'country' ['CA', 'US'] (dense); order 'body-style_indicator' <
     * 'country_embedding' < 'price' → [[0., 0., 1., 11., 12., 13., 14., 15., 11.], [1., 0., 0., 1., 2., 3., 4., 5.,
     * 12.]].
     */
    @Test
    void with1dSparseTensor() {
        List<FeatureColumn> columns = priceBodyStyleCountry(5);
        Batch batch = rows(
                        scalar("price", DType.FLOAT32),
                        variable("body-style", DType.STRING),
                        scalar("country", DType.STRING))
                .row("price", 11.0, "body-style", List.of("sedan"), "country", "CA")
                .row("price", 12.0, "body-style", List.of("hardtop"), "country", "US")
                .batch();
        EmbeddingTables tables = new EmbeddingTables(0)
                .put(
                        ((EmbeddingColumn) columns.get(2)).tableName(),
                        table(f(1, 2, 3, 4, 5), f(6, 7, 8, 9, 10), f(11, 12, 13, 14, 15)));
        FeatureTransformer t = FeatureTransformer.dense(columns);
        assertEquals(1 + 3 + 5, t.denseWidth());
        Map<String, Integer> layout = new LinkedHashMap<>();
        layout.put("body-style_indicator", 0);
        layout.put("country_embedding", 3);
        layout.put("price", 8);
        assertEquals(layout, t.denseLayout());
        assertDense(
                new float[][] {
                    {0, 0, 1, 11, 12, 13, 14, 15, 11},
                    {1, 0, 0, 1, 2, 3, 4, 5, 12}
                },
                dense(columns, batch, tables));
    }

    /**
     * FunctionalInputLayerTest.test_with_1d_unknown_shape_sparse_tensor: dimension 2, embedding ((1., 2.), (6., 7.),
     * (11., 12.)), country [['US'], ['CA']] → [[0., 0., 1., 1., 2., 11.], [1., 0., 0., 11., 12., 12.]].
     */
    @Test
    void with1dUnknownShapeSparseTensor() {
        List<FeatureColumn> columns = priceBodyStyleCountry(2);
        Batch batch = rows(
                        scalar("price", DType.FLOAT32),
                        variable("body-style", DType.STRING),
                        fixed("country", DType.STRING, 1))
                .row("price", 11.0, "body-style", List.of("sedan"), "country", List.of("US"))
                .row("price", 12.0, "body-style", List.of("hardtop"), "country", List.of("CA"))
                .batch();
        EmbeddingTables tables = new EmbeddingTables(0)
                .put(((EmbeddingColumn) columns.get(2)).tableName(), table(f(1, 2), f(6, 7), f(11, 12)));
        assertDense(new float[][] {{0, 0, 1, 1, 2, 11}, {1, 0, 0, 11, 12, 12}}, dense(columns, batch, tables));
    }

    /**
     * Python sorts str by code point, Java's String.compareTo by UTF-16 unit: they differ when a name has a
     * character beyond U+FFFF (a surrogate pair, 0xD800-0xDFFF) where another has one in U+E000-U+FFFF. TensorFlow
     * puts '\uff01' (U+FF01) before '\ud83d\ude00' (U+1F600).
     */
    @Test
    void sortsByCodePoint() {
        NumericColumn emoji = FeatureColumns.numericColumn("x\ud83d\ude00");
        NumericColumn fullwidth = FeatureColumns.numericColumn("x\uff01");
        assertEquals(
                List.of("x\uff01", "x\ud83d\ude00"),
                FeatureTransformer.dense(List.of(emoji, fullwidth)).denseLayout().keySet().stream()
                        .toList());
    }

    /** _normalize_feature_columns: 'Duplicate feature column name found for columns'. */
    @Test
    void duplicateNames() {
        assertError(
                () -> FeatureTransformer.dense(
                        List.of(FeatureColumns.numericColumn("price"), FeatureColumns.numericColumn("price", 0f))),
                "two feature columns are named 'price'");
    }

    /** _normalize_feature_columns: 'feature_columns must not be empty.' */
    @Test
    void emptyColumns() {
        assertError(() -> FeatureTransformer.dense(List.of()), "no feature columns");
    }

    /** DenseFeatures takes dense columns only (a categorical column must be wrapped in an indicator/embedding). */
    @Test
    void categoricalInDenseIsAnError() {
        assertError(
                () -> FeatureTransformer.dense(List.of(FeatureColumns.categoricalColumnWithHashBucket("wire", 10))),
                "'wire'",
                "indicator or embedding");
    }

    /**
     * FeatureTransformationCacheTest (LazyColumnTest).test_error_if_feature_is_not_found: 'bbb is not in features
     * dictionary'; the error here also lists the keys there are.
     */
    @Test
    void unknownFeatureKey() {
        Batch batch = rows(scalar("a", DType.FLOAT32)).row("a", 2.0).batch();
        assertError(() -> dense(List.of(FeatureColumns.numericColumn("bbb")), batch), "'bbb'", "[a]");
    }
}
