package org.estimator4j.features.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.features.FeatureColumn;

/**
 * Feature columns to and from JSON, in the shape of TensorFlow's {@code serialize_feature_column} (Keras'
 * {@code {"class_name", "config"}} pairs, with TensorFlow's class names and {@code get_config()} keys):
 *
 * <pre>{@code
 * {"class_name": "CrossedColumn",
 *  "config": {"keys": [{"class_name": "BucketizedColumn", "config": {...}}, "c"],
 *             "hash_bucket_size": 5, "hash_key": 5}}
 * }</pre>
 *
 * Nested columns are nested objects; a crossed column's raw feature keys are plain strings. Beyond TensorFlow, a
 * column's learned state and how to learn it are kept under extra keys, so a saved model's feature transforms come
 * back exactly (equal columns, identical outputs):
 *
 * <ul>
 *   <li>NumericColumn {@code "normalizer": {"kind": "standardize", "mean": m, "stddev": s, "learned": true}} (or
 *       {@code "min_max"} with {@code "min"}, {@code "max"}; parameters null while a learned one is not adapted);
 *       absent for no normalizer. {@code normalizer_fn} (a Python function) must be null.
 *   <li>BucketizedColumn {@code "quantile_buckets": n} for boundaries learned as quantiles ({@code "boundaries": []}
 *       until adapted).
 *   <li>VocabularyListCategoricalColumn {@code "learn": {"min_frequency": f, "max_tokens": t}} for a learned
 *       vocabulary ({@code "vocabulary_list": []} until adapted).
 *   <li>SharedEmbeddingColumn, which TensorFlow cannot serialize: {@code categorical_column},
 *       {@code shared_embedding_collection_name} (the shared table), {@code num_buckets}, {@code dimension} and the
 *       embedding options of EmbeddingColumn.
 * </ul>
 *
 * Differences from TensorFlow's configs: numeric columns are float32 (an integer {@code dtype} is accepted when
 * reading and written back as float32); integer categorical dtypes read as int64; embedding columns take only
 * TensorFlow's default initializer and no checkpoint; crossed columns write {@code "hash_key": null} for the default
 * key, as TensorFlow does when none was given.
 *
 * <p>Reading is strict: an unknown class name lists the known ones, an unknown config key is named with its column and
 * the keys its class knows, a missing required key is named, and every message starts with the JSON path of the value
 * at fault, e.g. {@code columns[2].config.categorical_column.config.key}. Optional keys (TensorFlow's defaults) may be
 * left out. Relative vocabulary_file paths are relative to the working directory, as in TensorFlow, unless a
 * {@link ColumnFiles} says otherwise. A VocabularyFileCategoricalColumn also writes {@code "vocabulary_sha256"}, the
 * SHA-256 of the file it read; reading it back refuses a file whose content has changed since.
 */
public final class FeatureColumnJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // floats read from their exact decimal text
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JavaType COLUMN_LIST =
            MAPPER.getTypeFactory().constructCollectionType(List.class, ColumnJson.class);
    private static final JavaType ONE_COLUMN = MAPPER.constructType(ColumnJson.class);

    /** The root of a column list in error paths. */
    public static final String COLUMNS = "columns";
    /** The root of a single column in error paths. */
    public static final String COLUMN = "column";

    private FeatureColumnJson() {}

    /** The columns as a pretty-printed JSON array, in the order given. */
    public static String write(List<? extends FeatureColumn> columns) {
        return JsonText.pretty(toJson(columns));
    }

    /** One column as a pretty-printed JSON object. */
    public static String write(FeatureColumn column) {
        return JsonText.pretty(toJson(column));
    }

    /** Writes {@link #write(List)}'s text to {@code file} (UTF-8). */
    public static void write(List<? extends FeatureColumn> columns, Path file) throws IOException {
        Files.writeString(file, write(columns), StandardCharsets.UTF_8);
    }

    /** The columns as a JSON tree, e.g. to embed in a larger document such as a saved model's metadata. */
    public static ArrayNode toJson(List<? extends FeatureColumn> columns) {
        return ColumnWriter.columns(columns, COLUMNS);
    }

    public static ObjectNode toJson(FeatureColumn column) {
        return ColumnWriter.column(column, COLUMN);
    }

    /**
     * TensorFlow's class name for a column ({@code HashedCategoricalColumn} for a {@code HashBucketColumn}, ...), as
     * written in "class_name"; null for a column {@code FeatureColumns} does not build.
     */
    public static String className(FeatureColumn column) {
        return ColumnWriter.className(column);
    }

    /** Columns from a JSON array of column objects. */
    public static List<FeatureColumn> read(String json) {
        return fromJson(parse(json));
    }

    /** Columns from a file holding a JSON array of column objects; messages start with the file name. */
    public static List<FeatureColumn> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeatureColumnJsonException(null, "cannot read feature columns from " + file + ": " + e, e);
        }
        try {
            return fromJson(parse(text));
        } catch (FeatureColumnJsonException e) {
            throw new FeatureColumnJsonException(file.toString(), e);
        }
    }

    /** One column from a JSON column object. */
    public static FeatureColumn readColumn(String json) {
        return fromJson(parse(json), COLUMN);
    }

    /** Columns from a parsed JSON array. */
    public static List<FeatureColumn> fromJson(JsonNode array) {
        return fromJson(array, ColumnFiles.workingDirectory());
    }

    /** Columns from a parsed JSON array, reading the files they name where {@code files} says. */
    public static List<FeatureColumn> fromJson(JsonNode array, ColumnFiles files) {
        if (array == null || !array.isArray()) {
            throw new FeatureColumnJsonException(
                    COLUMNS,
                    "expected a JSON array of columns " + "([{\"class_name\": ..., \"config\": {...}}, ...]), got "
                            + ColumnBinding.kind(array));
        }
        List<ColumnJson> configs = ColumnBinding.read(array, COLUMN_LIST, COLUMNS);
        return new ColumnBuilder(files).columns(configs, COLUMNS);
    }

    /** One column from a parsed JSON object; {@code path} names it in messages (e.g. "model.columns[0]"). */
    public static FeatureColumn fromJson(JsonNode column, String path) {
        return fromJson(column, path, ColumnFiles.workingDirectory());
    }

    /** One column from a parsed JSON object, reading the files it names where {@code files} says. */
    public static FeatureColumn fromJson(JsonNode column, String path, ColumnFiles files) {
        ColumnJson config = ColumnBinding.read(column, ONE_COLUMN, path);
        return new ColumnBuilder(files).column(config, path);
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new FeatureColumnJsonException(null, "no JSON: the text is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = e.getOriginalMessage();
            int source = message.indexOf(" (for root starting at"); // Jackson's internal source description
            throw new FeatureColumnJsonException(
                    null, "not valid JSON" + where + ": " + (source < 0 ? message : message.substring(0, source)), e);
        }
    }
}
