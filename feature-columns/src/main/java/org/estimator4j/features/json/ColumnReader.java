package org.estimator4j.features.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.estimator4j.api.table.DType;
import org.estimator4j.features.BucketizedColumn;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.Combiner;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.FeatureColumns;
import org.estimator4j.features.Normalizer;
import org.estimator4j.features.NumericColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.VocabularySpec;

/**
 * JSON trees to columns, strictly: every key must be one the class knows, required keys must be there, and every
 * message starts with the JSON path of the value at fault. Equal nested columns come back as one instance (as
 * TensorFlow's deserializer shares them), so a batch computes their ids once.
 */
final class ColumnReader {
    /** Config keys by class name, in TensorFlow's {@code _fields} order, then ours. */
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        List<String> embedding = List.of("combiner", "initializer", "ckpt_to_load_from", "tensor_name_in_ckpt",
                "max_norm", "trainable", "use_safe_embedding_lookup");
        KEYS.put("BucketizedColumn", List.of("source_column", "boundaries", "quantile_buckets"));
        KEYS.put("CrossedColumn", List.of("keys", "hash_bucket_size", "hash_key"));
        KEYS.put("EmbeddingColumn", concat(List.of("categorical_column", "dimension"), embedding));
        KEYS.put("HashedCategoricalColumn", List.of("key", "hash_bucket_size", "dtype"));
        KEYS.put("IdentityCategoricalColumn", List.of("key", "number_buckets", "default_value"));
        KEYS.put("IndicatorColumn", List.of("categorical_column"));
        KEYS.put("NumericColumn", List.of("key", "shape", "default_value", "dtype", "normalizer_fn", "normalizer"));
        KEYS.put("SharedEmbeddingColumn", concat(List.of("categorical_column", "shared_embedding_collection_name",
                "num_buckets", "dimension"), embedding));
        KEYS.put("VocabularyFileCategoricalColumn", List.of("key", "vocabulary_file", "vocabulary_size",
                "num_oov_buckets", "dtype", "default_value", "file_format", "vocabulary_sha256"));
        KEYS.put("VocabularyListCategoricalColumn", List.of("key", "vocabulary_list", "dtype", "default_value",
                "num_oov_buckets", "learn"));
        KEYS.put("WeightedCategoricalColumn", List.of("categorical_column", "weight_feature_key", "dtype"));
    }

    static final List<String> CLASS_NAMES = List.copyOf(KEYS.keySet());

    /** TensorFlow's serializable classes that have no Estimator4J counterpart. */
    private static final Set<String> UNSUPPORTED_TF = Set.of("SequenceCategoricalColumn", "SequenceDenseColumn",
            "SequenceNumericColumn", "TruncatedNormal");

    private static final Set<String> INTEGER_DTYPES = Set.of("int8", "int16", "int32", "int64", "uint8", "uint16",
            "uint32", "uint64");
    private static final Set<String> FLOAT_DTYPES = Set.of("float16", "bfloat16", "float32", "float64");

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Map<FeatureColumn, FeatureColumn> canonical = new HashMap<>();
    private final ColumnFiles files;

    ColumnReader() {
        this(ColumnFiles.workingDirectory());
    }

    ColumnReader(ColumnFiles files) {
        this.files = files;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    List<FeatureColumn> columns(JsonNode array, String root) {
        if (array == null || !array.isArray()) {
            throw new FeatureColumnJsonException(root, "expected a JSON array of columns "
                    + "([{\"class_name\": ..., \"config\": {...}}, ...]), got " + kind(array));
        }
        List<FeatureColumn> out = new ArrayList<>();
        Map<String, String> sharedPaths = new HashMap<>();
        Map<String, SharedEmbeddingColumn> shared = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String path = root + "[" + i + "]";
            FeatureColumn c = column(array.get(i), path);
            if (c instanceof SharedEmbeddingColumn s) {
                // One table per collection name: its members must agree on the table's shape.
                SharedEmbeddingColumn first = shared.putIfAbsent(s.sharedEmbeddingCollectionName(), s);
                if (first != null && (first.dimension() != s.dimension()
                        || first.categoricalColumn().numBuckets() != s.categoricalColumn().numBuckets())) {
                    throw new FeatureColumnJsonException(path, "shared embedding '" + s.name() + "' uses table '"
                            + s.sharedEmbeddingCollectionName() + "' with " + s.categoricalColumn().numBuckets()
                            + " buckets x dimension " + s.dimension() + ", but "
                            + sharedPaths.get(s.sharedEmbeddingCollectionName()) + " ('" + first.name()
                            + "') uses it with " + first.categoricalColumn().numBuckets() + " x "
                            + first.dimension() + "; members of a shared_embeddings group share one table");
                }
                sharedPaths.putIfAbsent(s.sharedEmbeddingCollectionName(), path);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    FeatureColumn column(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new FeatureColumnJsonException(path, "expected a column object {\"class_name\": ..., "
                    + "\"config\": {...}}, got " + kind(node));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!k.equals("class_name") && !k.equals("config")) {
                throw new FeatureColumnJsonException(path + "." + k, "unknown key '" + k + "'; a column object has "
                        + "only class_name and config");
            }
        }
        JsonNode cn = node.get("class_name");
        if (cn == null) {
            throw new FeatureColumnJsonException(path + ".class_name", "required key 'class_name' is missing");
        }
        if (!cn.isTextual()) {
            throw new FeatureColumnJsonException(path + ".class_name", "expected a class name string, got "
                    + kind(cn));
        }
        String className = cn.textValue();
        if (!KEYS.containsKey(className)) {
            throw new FeatureColumnJsonException(path + ".class_name", "unknown class_name '" + className + "'"
                    + (UNSUPPORTED_TF.contains(className) ? " (a TensorFlow class Estimator4J does not support)" : "")
                    + "; known class names: " + String.join(", ", CLASS_NAMES));
        }
        JsonNode cfg = node.get("config");
        if (cfg == null) {
            throw new FeatureColumnJsonException(path + ".config", "required key 'config' of " + className
                    + " is missing");
        }
        Config c = new Config(className, cfg, path + ".config", KEYS.get(className));
        FeatureColumn built;
        try {
            built = build(c);
        } catch (FeatureColumnJsonException e) {
            throw e;
        } catch (FeatureColumnException | IllegalArgumentException e) {
            throw new FeatureColumnJsonException(c.path, e.getMessage(), e);
        }
        FeatureColumn existing = canonical.putIfAbsent(built, built);
        return existing != null ? existing : built;
    }

    private FeatureColumn build(Config c) {
        switch (c.className) {
            case "NumericColumn":
                return numeric(c);
            case "BucketizedColumn": {
                NumericColumn source = numericColumn(c, "source_column");
                Integer quantiles = c.has("quantile_buckets") ? c.integer("quantile_buckets") : null;
                float[] boundaries = quantiles == null || c.has("boundaries") ? c.floats("boundaries")
                        : new float[0];
                if (quantiles == null) {
                    return FeatureColumns.bucketizedColumn(source, boundaries);
                }
                BucketizedColumn b = FeatureColumns.bucketizedColumnWithQuantiles(source, quantiles);
                return boundaries.length == 0 ? b : b.withBoundaries(boundaries);
            }
            case "HashedCategoricalColumn":
                return FeatureColumns.categoricalColumnWithHashBucket(c.string("key"), c.longValue(
                        "hash_bucket_size"), categoricalDtype(c, "dtype", DType.STRING));
            case "VocabularyListCategoricalColumn":
                return vocabularyList(c);
            case "VocabularyFileCategoricalColumn": {
                if (c.has("file_format")) {
                    throw c.error("file_format", "only text vocabulary files are read (file_format null), got "
                            + kind(c.get("file_format")));
                }
                String file = files.locate(c.string("vocabulary_file"), c.path("vocabulary_file")).toString();
                VocabularyFileColumn v = FeatureColumns.categoricalColumnWithVocabularyFile(c.string("key"), file,
                        c.has("vocabulary_size") ? OptionalInt.of(c.integer("vocabulary_size")) : OptionalInt.empty(),
                        categoricalDtype(c, "dtype", DType.STRING), c.has("default_value") ? c.longValue(
                        "default_value") : -1, c.has("num_oov_buckets") ? c.longValue("num_oov_buckets") : 0);
                // A saved column names the file it was made from: a file changed since must not pass for it.
                if (c.has("vocabulary_sha256") && !c.string("vocabulary_sha256").equals(v.vocabularySha256())) {
                    throw c.error("vocabulary_sha256", "vocabulary_file " + file + " has changed since the column "
                            + "was saved (its SHA-256 is " + v.vocabularySha256() + ", not " + c.string(
                            "vocabulary_sha256") + "); restore the file the model was trained with, or train a new "
                            + "model with this one");
                }
                return v;
            }
            case "IdentityCategoricalColumn":
                return c.has("default_value") ? FeatureColumns.categoricalColumnWithIdentity(c.string("key"),
                        c.longValue("number_buckets"), c.longValue("default_value"))
                        : FeatureColumns.categoricalColumnWithIdentity(c.string("key"), c.longValue("number_buckets"));
            case "WeightedCategoricalColumn":
                if (c.has("dtype")) {
                    numericDtype(c, "dtype");
                }
                return FeatureColumns.weightedCategoricalColumn(categorical(c, "categorical_column"),
                        c.string("weight_feature_key"));
            case "CrossedColumn":
                return crossed(c);
            case "IndicatorColumn":
                return FeatureColumns.indicatorColumn(categorical(c, "categorical_column"));
            case "EmbeddingColumn": {
                CategoricalColumn cat = categorical(c, "categorical_column");
                int dimension = c.integer("dimension");
                EmbeddingOptions o = embeddingOptions(c, dimension);
                return FeatureColumns.embeddingColumn(cat, dimension, o.combiner, o.maxNorm, o.trainable);
            }
            case "SharedEmbeddingColumn": {
                CategoricalColumn cat = categorical(c, "categorical_column");
                String name = c.string("shared_embedding_collection_name");
                int dimension = c.integer("dimension");
                EmbeddingOptions o = embeddingOptions(c, dimension);
                if (c.has("num_buckets") && c.longValue("num_buckets") != cat.numBuckets()) {
                    throw c.error("num_buckets", "is " + c.longValue("num_buckets") + ", but categorical column '"
                            + cat.name() + "' has " + cat.numBuckets() + " buckets");
                }
                return FeatureColumns.sharedEmbeddings(List.of(cat), dimension, o.combiner, name, o.maxNorm,
                        o.trainable).get(0);
            }
            default:
                throw new AssertionError(c.className);
        }
    }

    private NumericColumn numeric(Config c) {
        String key = c.string("key");
        int[] shape = {1};
        if (c.has("shape")) {
            JsonNode s = c.get("shape");
            if (s.isIntegralNumber()) {
                shape = new int[] {c.integer("shape")};
            } else if (s.isArray()) {
                shape = new int[s.size()];
                for (int i = 0; i < s.size(); i++) {
                    shape[i] = Config.integer(s.get(i), c.path("shape") + "[" + i + "]");
                }
            } else {
                throw c.error("shape", "expected a list of dimensions such as [1], got " + kind(s));
            }
        }
        float[] defaultValue = null;
        if (c.has("default_value")) {
            int width = 1;
            for (int d : shape) {
                width *= d;
            }
            defaultValue = defaultValue(c, width);
        }
        if (c.has("dtype")) {
            numericDtype(c, "dtype");
        }
        if (c.has("normalizer_fn")) {
            throw c.error("normalizer_fn", "is " + kind(c.get("normalizer_fn")) + ", a Python function that "
                    + "Estimator4J cannot run; use \"normalizer\": {\"kind\": \"standardize\" or \"min_max\", ...} "
                    + "and leave normalizer_fn null");
        }
        Normalizer normalizer = c.has("normalizer") ? normalizer(c.child("normalizer")) : Normalizer.none();
        return FeatureColumns.numericColumn(key, shape, defaultValue, normalizer);
    }

    /** A scalar fills the shape (as in TensorFlow); a list, nested by shape or flat, gives every value. */
    private static float[] defaultValue(Config c, int width) {
        JsonNode v = c.get("default_value");
        String path = c.path("default_value");
        if (!v.isArray()) {
            float f = Config.floatValue(v, path);
            float[] out = new float[width];
            java.util.Arrays.fill(out, f);
            return out;
        }
        List<Float> flat = new ArrayList<>();
        flatten(v, path, flat);
        float[] out = new float[flat.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = flat.get(i);
        }
        return out;
    }

    private static void flatten(JsonNode v, String path, List<Float> into) {
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                flatten(v.get(i), path + "[" + i + "]", into);
            }
        } else {
            into.add(Config.floatValue(v, path));
        }
    }

    private static Normalizer normalizer(Config n) {
        String kind = n.string("kind");
        Normalizer.Kind k;
        String first;
        String second;
        switch (kind) {
            case "none":
                n.allowOnly(List.of("kind"));
                return Normalizer.none();
            case "standardize":
                k = Normalizer.Kind.STANDARDIZE;
                first = "mean";
                second = "stddev";
                break;
            case "min_max":
                k = Normalizer.Kind.MIN_MAX;
                first = "min";
                second = "max";
                break;
            default:
                throw n.error("kind", "unknown normalizer kind '" + kind + "'; use none, standardize or min_max");
        }
        n.allowOnly(List.of("kind", first, second, "learned"));
        boolean learned = n.has("learned") && n.bool("learned");
        boolean hasFirst = n.has(first);
        boolean hasSecond = n.has(second);
        if (learned && !hasFirst && !hasSecond) {
            return Normalizer.learned(k); // adapt will learn the parameters
        }
        if (!hasFirst || !hasSecond) {
            String missing = hasFirst ? second : first;
            throw n.error(missing, "required key '" + missing + "' of a " + kind + " normalizer is missing"
                    + (learned ? " (give both " + first + " and " + second + ", or neither while not adapted)" : ""));
        }
        double a = n.doubleValue(first);
        double b = n.doubleValue(second);
        return new Normalizer(k, a, b, learned);
    }

    private VocabularyListColumn vocabularyList(Config c) {
        String key = c.string("key");
        JsonNode list = c.has("vocabulary_list") ? c.get("vocabulary_list") : null;
        if (list != null && !list.isArray()) {
            throw c.error("vocabulary_list", "expected a list of strings or integers, got " + kind(list));
        }
        boolean learn = c.has("learn");
        if (list == null && !learn) {
            throw c.error("vocabulary_list", "required key 'vocabulary_list' of " + c.className + " is missing "
                    + "(or give \"learn\" to learn the vocabulary from data)");
        }
        DType dtype;
        if (c.has("dtype")) {
            dtype = categoricalDtype(c, "dtype", null);
        } else {
            dtype = list != null && !list.isEmpty() && list.get(0).isNumber() ? DType.INT64 : DType.STRING;
        }
        List<Object> values = new ArrayList<>();
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String p = c.path("vocabulary_list") + "[" + i + "]";
                if (dtype == DType.STRING) {
                    if (!e.isTextual()) {
                        throw new FeatureColumnJsonException(p, "the vocabulary is string, so expected a string, "
                                + "got " + kind(e));
                    }
                    values.add(e.textValue());
                } else {
                    values.add(Config.longValue(e, p));
                }
            }
        }
        long defaultValue = c.has("default_value") ? c.longValue("default_value") : -1;
        long numOov = c.has("num_oov_buckets") ? c.longValue("num_oov_buckets") : 0;
        if (!learn) {
            return FeatureColumns.categoricalColumnWithVocabularyList(key, values, defaultValue, numOov);
        }
        Config l = c.child("learn");
        l.allowOnly(List.of("min_frequency", "max_tokens"));
        long minFrequency = l.has("min_frequency") ? l.longValue("min_frequency") : 1;
        Integer maxTokens = l.has("max_tokens") ? l.integer("max_tokens") : null;
        if (defaultValue != -1) {
            throw c.error("default_value", "a learned vocabulary takes default_value -1, got " + defaultValue
                    + "; use num_oov_buckets for values outside it");
        }
        VocabularySpec spec;
        try {
            spec = new VocabularySpec(dtype, minFrequency, maxTokens);
        } catch (FeatureColumnException e) {
            throw new FeatureColumnJsonException(l.path, e.getMessage(), e);
        }
        VocabularyListColumn v = FeatureColumns.categoricalColumnWithLearnedVocabulary(key, spec, numOov);
        return values.isEmpty() ? v : v.withVocabulary(values);
    }

    private FeatureColumn crossed(Config c) {
        JsonNode keys = c.get("keys");
        if (keys == null) {
            throw c.missing("keys");
        }
        if (!keys.isArray()) {
            throw c.error("keys", "expected a list of raw feature names and categorical columns, got "
                    + kind(keys));
        }
        List<Object> ks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode k = keys.get(i);
            String p = c.path("keys") + "[" + i + "]";
            if (k.isTextual()) {
                ks.add(k.textValue());
            } else if (k.isObject()) {
                FeatureColumn col = column(k, p);
                if (!(col instanceof CategoricalColumn)) {
                    throw new FeatureColumnJsonException(p, "a crossed column's keys must be raw feature names or "
                            + "categorical columns, but '" + col.name() + "' is a " + className(k));
                }
                ks.add(col);
            } else {
                throw new FeatureColumnJsonException(p, "expected a raw feature name or a column object, got "
                        + kind(k));
            }
        }
        long size = c.longValue("hash_bucket_size");
        if (!c.has("hash_key")) {
            return FeatureColumns.crossedColumn(ks, size);
        }
        return FeatureColumns.crossedColumn(ks, size, hashKey(c.get("hash_key"), c.path("hash_key")));
    }

    /** A uint64, as TensorFlow takes it (a negative Java long is written as its unsigned value). */
    private static long hashKey(JsonNode v, String path) {
        if (!v.isIntegralNumber()) {
            throw new FeatureColumnJsonException(path, "expected an unsigned 64-bit integer, got " + kind(v));
        }
        BigInteger b = v.bigIntegerValue();
        if (b.signum() < 0 || b.compareTo(TWO_64) >= 0) {
            throw new FeatureColumnJsonException(path, "expected an unsigned 64-bit integer, got " + b);
        }
        return b.longValue();
    }

    private record EmbeddingOptions(Combiner combiner, Float maxNorm, boolean trainable) {}

    private static EmbeddingOptions embeddingOptions(Config c, int dimension) {
        Combiner combiner = Combiner.MEAN;
        if (c.has("combiner")) {
            String name = c.string("combiner");
            try {
                combiner = Combiner.ofTfName(name);
            } catch (FeatureColumnException e) {
                throw c.error("combiner", "unknown combiner '" + name + "'; use mean, sqrtn or sum");
            }
        }
        if (c.has("initializer")) {
            checkInitializer(c, dimension);
        }
        for (String k : List.of("ckpt_to_load_from", "tensor_name_in_ckpt")) {
            if (c.has(k)) {
                throw c.error(k, "warm-starting from a TensorFlow checkpoint is not supported; leave it null");
            }
        }
        if (c.has("use_safe_embedding_lookup") && !c.bool("use_safe_embedding_lookup")) {
            throw c.error("use_safe_embedding_lookup", "Estimator4J always uses the safe lookup (invalid ids "
                    + "dropped, empty rows zero); leave it true");
        }
        Float maxNorm = c.has("max_norm") ? c.floatValue("max_norm") : null;
        boolean trainable = !c.has("trainable") || c.bool("trainable");
        return new EmbeddingOptions(combiner, maxNorm, trainable);
    }

    /** Only TensorFlow's default, which {@code EmbeddingTables} reproduces: truncated normal, 1/sqrt(dimension). */
    private static void checkInitializer(Config c, int dimension) {
        JsonNode init = c.get("initializer");
        String path = c.path("initializer");
        String expected = "only TensorFlow's default initializer is supported ({\"class_name\": "
                + "\"TruncatedNormal\", \"config\": {\"mean\": 0.0, \"stddev\": 1/sqrt(dimension) = "
                + 1 / Math.sqrt(dimension) + ", \"seed\": null, \"dtype\": \"float32\"}}, or null)";
        if (!init.isObject() || !"TruncatedNormal".equals(init.path("class_name").asText(null))
                || !init.path("config").isObject() || init.size() != 2) {
            throw new FeatureColumnJsonException(path, expected + "; got " + init);
        }
        Config ic = new Config("TruncatedNormal", init.get("config"), path + ".config", List.of("mean", "stddev",
                "seed", "dtype"));
        boolean ok = (!ic.has("mean") || ic.doubleValue("mean") == 0)
                && ic.has("stddev") && Math.abs(ic.doubleValue("stddev") * Math.sqrt(dimension) - 1) < 1e-6
                && !ic.has("seed")
                && (!ic.has("dtype") || "float32".equals(ic.string("dtype")));
        if (!ok) {
            throw new FeatureColumnJsonException(path, expected + "; got " + init);
        }
    }

    private NumericColumn numericColumn(Config c, String key) {
        JsonNode n = c.get(key);
        if (n == null) {
            throw c.missing(key);
        }
        FeatureColumn col = column(n, c.path(key));
        if (!(col instanceof NumericColumn num)) {
            throw c.error(key, "must be a NumericColumn, got " + className(n) + " '" + col.name() + "'");
        }
        return num;
    }

    private CategoricalColumn categorical(Config c, String key) {
        JsonNode n = c.get(key);
        if (n == null) {
            throw c.missing(key);
        }
        if (n.isTextual()) {
            throw c.error(key, "expected a categorical column object, got the string '" + n.textValue()
                    + "'; wrap the raw feature in a column, e.g. {\"class_name\": \"HashedCategoricalColumn\", "
                    + "\"config\": {\"key\": \"" + n.textValue() + "\", \"hash_bucket_size\": 100}}");
        }
        FeatureColumn col = column(n, c.path(key));
        if (!(col instanceof CategoricalColumn cat)) {
            throw c.error(key, "must be a categorical column, got " + className(n) + " '" + col.name() + "'");
        }
        return cat;
    }

    private static DType categoricalDtype(Config c, String key, DType ifNull) {
        String d = c.has(key) ? c.string(key) : null;
        if (d == null) {
            return ifNull;
        }
        if (d.equals("string")) {
            return DType.STRING;
        }
        if (INTEGER_DTYPES.contains(d)) {
            return DType.INT64; // Estimator4J reads every integer feature as int64
        }
        throw c.error(key, "dtype must be string or an integer type (int64), got '" + d + "'");
    }

    private static void numericDtype(Config c, String key) {
        String d = c.string(key);
        if (!INTEGER_DTYPES.contains(d) && !FLOAT_DTYPES.contains(d)) {
            throw c.error(key, "dtype must be a numeric type such as float32, got '" + d + "'");
        }
    }

    private static String className(JsonNode column) {
        return column.path("class_name").asText("column");
    }

    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "the string " + n;
        }
        if (n.isNumber()) {
            return "the number " + n;
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** A config object being read: its path, its class, and typed access that names the key on every error. */
    static final class Config {
        final String className;
        final String label;
        final String path;
        private final JsonNode node;

        Config(String className, JsonNode node, String path, List<String> allowed) {
            this(className, null, node, path, allowed);
        }

        private Config(String className, String label, JsonNode node, String path, List<String> allowed) {
            this.className = className;
            this.path = path;
            if (!node.isObject()) {
                throw new FeatureColumnJsonException(path, "expected " + (label == null ? "the config object of "
                        + className : "an object") + ", got " + kind(node));
            }
            this.node = node;
            this.label = label != null ? label : className + describe(node);
            if (allowed != null) {
                allowOnly(allowed);
            }
        }

        /** " 'age'" from the config's key, or its categorical or source column's; "" if there is none. */
        private static String describe(JsonNode config) {
            for (int depth = 0; depth < 8 && config != null && config.isObject(); depth++) {
                JsonNode key = config.get("key");
                if (key != null && key.isTextual()) {
                    return " '" + key.textValue() + "'";
                }
                JsonNode inner = config.has("categorical_column") ? config.get("categorical_column")
                        : config.get("source_column");
                config = inner == null ? null : inner.get("config");
            }
            return "";
        }

        void allowOnly(List<String> allowed) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new FeatureColumnJsonException(path(k), "unknown key '" + k + "' in "
                            + (label.startsWith("'") ? "" : "the config of ") + label + "; known keys: "
                            + String.join(", ", allowed));
                }
            }
        }

        Config child(String key) {
            JsonNode n = get(key);
            if (n == null) {
                throw missing(key);
            }
            return new Config(className, "'" + key + "' of " + label, n, path(key), null);
        }

        String path(String key) {
            return path + "." + key;
        }

        /** Present and not null. */
        boolean has(String key) {
            JsonNode n = node.get(key);
            return n != null && !n.isNull();
        }

        JsonNode get(String key) {
            return node.get(key);
        }

        FeatureColumnJsonException missing(String key) {
            return new FeatureColumnJsonException(path(key), "required key '" + key + "' of " + label
                    + " is missing");
        }

        FeatureColumnJsonException error(String key, String message) {
            return new FeatureColumnJsonException(path(key), message);
        }

        private JsonNode required(String key) {
            JsonNode n = node.get(key);
            if (n == null) {
                throw missing(key);
            }
            return n;
        }

        String string(String key) {
            JsonNode n = required(key);
            if (!n.isTextual()) {
                throw error(key, "expected a string, got " + kind(n));
            }
            return n.textValue();
        }

        boolean bool(String key) {
            JsonNode n = required(key);
            if (!n.isBoolean()) {
                throw error(key, "expected true or false, got " + kind(n));
            }
            return n.booleanValue();
        }

        long longValue(String key) {
            return longValue(required(key), path(key));
        }

        int integer(String key) {
            return integer(required(key), path(key));
        }

        float floatValue(String key) {
            return floatValue(required(key), path(key));
        }

        double doubleValue(String key) {
            JsonNode n = required(key);
            if (n.isTextual() && isNonFinite(n.textValue())) {
                return Double.parseDouble(n.textValue());
            }
            if (!n.isNumber()) {
                throw error(key, "expected a number, got " + kind(n));
            }
            return n.isBigDecimal() ? Double.parseDouble(n.decimalValue().toString()) : n.doubleValue();
        }

        float[] floats(String key) {
            JsonNode n = required(key);
            if (!n.isArray()) {
                throw error(key, "expected a list of numbers, got " + kind(n));
            }
            float[] out = new float[n.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = floatValue(n.get(i), path(key) + "[" + i + "]");
            }
            return out;
        }

        static long longValue(JsonNode n, String path) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new FeatureColumnJsonException(path, "expected an integer, got " + kind(n));
            }
            return n.longValue();
        }

        static int integer(JsonNode n, String path) {
            if (n.isIntegralNumber() && !n.canConvertToInt()) {
                throw new FeatureColumnJsonException(path, n.asText() + " is too large; the limit is "
                        + Integer.MAX_VALUE);
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new FeatureColumnJsonException(path, "expected an integer, got " + kind(n));
            }
            return n.intValue();
        }

        /** Exact: the decimal text is rounded to float once. "NaN", "Infinity", "-Infinity", "-0.0" are accepted. */
        static float floatValue(JsonNode n, String path) {
            if (n.isTextual() && isNonFinite(n.textValue())) {
                return Float.parseFloat(n.textValue());
            }
            if (!n.isNumber()) {
                throw new FeatureColumnJsonException(path, "expected a number, got " + kind(n));
            }
            if (n.isIntegralNumber()) {
                return n.isBigInteger() ? n.bigIntegerValue().floatValue() : (float) n.longValue();
            }
            return n.isBigDecimal() ? Float.parseFloat(n.decimalValue().toString()) : (float) n.doubleValue();
        }

        /** The values a JSON number cannot hold (BigDecimal has no -0.0), which are written as strings. */
        private static boolean isNonFinite(String s) {
            return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity") || s.equals("-0.0");
        }
    }
}
