package org.estimator4j.estimators.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.estimator4j.api.estimator.Prediction;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Column;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.DoubleColumn;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.FloatColumn;
import org.estimator4j.api.table.LongColumn;
import org.estimator4j.api.table.Schema;
import org.estimator4j.api.table.StringColumn;
import org.estimator4j.estimators.Model;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.estimators.dnn.LayerFactory;
import org.estimator4j.estimators.head.Head;
import org.estimator4j.features.json.ColumnFiles;

/**
 * Serves an exported bundle: loads the model once and answers predictions from raw features, from any number of
 * threads, with no reload per call. Predictions equal the estimator's own {@code predict} for the same inputs.
 *
 * <pre>{@code
 * Predictor predictor = Predictor.load(Path.of("export/32561"));
 * Prediction p = predictor.predict(Map.of("age", 39, "education", "Bachelors", "occupation", "Adm-clerical"));
 * }</pre>
 */
public final class Predictor {
    private static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String estimator;
    private final Model model;
    private final Head head;
    private final Optional<BundleManifest> manifest;

    private Predictor(String estimator, Model model, Head head, Optional<BundleManifest> manifest) {
        this.estimator = estimator;
        this.model = model;
        this.head = head;
        this.manifest = manifest;
    }

    /**
     * Loads a bundle written by {@code export}; a bundle from a newer version or a damaged one fails clearly. The
     * bundle's {@code manifest.json} is checked before anything else is read (see {@link BundleManifest#verify}); a
     * bundle without one is refused.
     *
     * @throws InvalidBundleException naming the file at fault and what to do
     */
    public static Predictor load(Path bundle) {
        return loader(bundle).load();
    }

    /**
     * Loads a bundle whose model may contain plugin layers, created by {@code layers} (the plugin registry, which
     * also sees plugin folders); a layer whose plugin is missing fails naming the provider and its jar.
     */
    public static Predictor load(Path bundle, LayerFactory layers) {
        return loader(bundle).layers(layers).load();
    }

    /** A loader for {@code bundle}, to set plugin layers or (deliberately) skip the manifest check. */
    public static Loader loader(Path bundle) {
        return new Loader(bundle, LayerFactory.classpath(), true);
    }

    /** How to load one bundle: immutable; each setter returns a new loader. */
    public static final class Loader {
        private final Path bundle;
        private final LayerFactory layers;
        private final boolean verify;

        private Loader(Path bundle, LayerFactory layers, boolean verify) {
            this.bundle = java.util.Objects.requireNonNull(bundle, "bundle is null");
            this.layers = java.util.Objects.requireNonNull(layers, "layers is null");
            this.verify = verify;
        }

        /** Plugin layers come from {@code layers} (default: the classpath's). */
        public Loader layers(LayerFactory layers) {
            return new Loader(bundle, layers, verify);
        }

        /**
         * Loads without checking the files against {@code manifest.json} (which may then be absent): only for a
         * bundle whose every file is trusted. Paths in {@code model.json} still resolve only inside the bundle, and
         * file sizes are still checked before allocation.
         */
        public Loader withoutVerification() {
            return new Loader(bundle, layers, false);
        }

        public Predictor load() {
            Optional<BundleManifest> manifest = verify ? Optional.of(BundleManifest.verify(bundle)) : Optional.empty();
            return loadFiles(bundle, layers, manifest);
        }
    }

    /** The largest {@code model.json} read (its learned vocabularies included). */
    static final long MAX_MODEL_JSON_BYTES = 256L << 20;

    private static Predictor loadFiles(Path bundle, LayerFactory layers, Optional<BundleManifest> manifest) {
        if (!Files.isDirectory(bundle)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + " is not a directory",
                    "give the directory `export` wrote (<export dir>/<global step>)");
        }
        JsonNode description;
        Path modelJson = BundlePaths.resolve(bundle, "model.json", "the model description");
        try {
            long size = Files.size(modelJson);
            if (size > MAX_MODEL_JSON_BYTES) {
                throw new InvalidBundleException(
                        "bundle " + bundle + ": model.json has " + size + " bytes, more " + "than the limit of "
                                + MAX_MODEL_JSON_BYTES + " bytes",
                        BundlePaths.EXPORT_AGAIN);
            }
            description = MAPPER.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new InvalidBundleException(
                    "bundle " + bundle + ": cannot read model.json (" + e.getMessage() + ")",
                    "is " + bundle + " an exported bundle? " + BundlePaths.EXPORT_AGAIN);
        }
        int format = description == null ? -1 : description.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new InvalidBundleException(
                    modelJson + " has bundle format " + format + "; this version of " + "Estimator4J reads format "
                            + FORMAT,
                    format > FORMAT ? "upgrade Estimator4J" : BundlePaths.EXPORT_AGAIN);
        }
        // Every file the columns name (vocabularies) is read from inside the bundle, never from the working directory.
        ColumnFiles inBundle = (file, jsonPath) ->
                BundlePaths.resolve(bundle, file, "model.json's " + jsonPath).toAbsolutePath();
        DescribedModel rebuilt = DescribedModel.rebuild(description, modelJson.toString(), layers, inBundle);
        Path variables = BundlePaths.resolve(bundle, "variables.e4j", "the variables file");
        rebuilt.model().restore(Checkpoints.read(variables).variables());
        return new Predictor(rebuilt.type(), rebuilt.model(), rebuilt.head(), manifest);
    }

    /**
     * Who wrote the bundle and from which step (Estimator4J version, global step, file checksums); empty for a bundle
     * loaded {@link Loader#withoutVerification() without verification}.
     */
    public Optional<BundleManifest> manifest() {
        return manifest;
    }

    /** What the bundle holds, e.g. {@code LinearClassifier}. */
    public String estimator() {
        return estimator;
    }

    /**
     * One example's prediction from raw features: feature name to a String, a number, or a List / array for a
     * multivalent feature; absent or null means missing. Thread-safe.
     */
    public Prediction predict(Map<String, ?> rawFeatures) {
        Batch row = scalarRow(rawFeatures);
        if (row == null) {
            return predict(List.of(rawFeatures)).get(0);
        }
        return head.predict(model.inference(row), 0);
    }

    /** A request's keys and value types, with the schema they make: reused while requests keep their shape. */
    private record RowShape(String[] keys, byte[] kinds, Schema schema) {
        boolean matches(String[] k, byte[] t, int size) {
            if (size != keys.length) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (t[i] != kinds[i] || !(k[i] == keys[i] || k[i].equals(keys[i]))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final byte INT64 = 1;
    private static final byte FLOAT32 = 2;
    private static final byte FLOAT64 = 3;
    private static final byte STRING = 4;

    /** The schema of the last single-example request (any thread's); a request of another shape replaces it. */
    private volatile RowShape lastShape;

    /**
     * One example of scalar values (strings and numbers) as a batch of one row, typed as {@link #toBatch} types it,
     * without going through an Example: its columns are made directly and its schema is reused from the previous
     * request with the same keys and types. Null for anything else (lists, arrays, other types), which takes the
     * general path and its errors.
     */
    private Batch scalarRow(Map<String, ?> rawFeatures) {
        int capacity = rawFeatures.size();
        String[] keys = new String[capacity];
        byte[] kinds = new byte[capacity];
        Object[] values = new Object[capacity];
        int size = 0;
        for (Map.Entry<String, ?> e : rawFeatures.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue; // missing
            }
            byte kind = v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                    ? INT64
                    : v instanceof Float
                            ? FLOAT32
                            : v instanceof CharSequence ? STRING : v instanceof Number ? FLOAT64 : 0;
            if (kind == 0 || size == capacity) {
                return null;
            }
            keys[size] = e.getKey();
            kinds[size] = kind;
            values[size] = v;
            size++;
        }
        if (size == 0) {
            return null;
        }
        RowShape shape = lastShape;
        if (shape == null || !shape.matches(keys, kinds, size)) {
            List<Field> fields = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                fields.add(Field.scalar(
                        keys[i],
                        switch (kinds[i]) {
                            case INT64 -> DType.INT64;
                            case FLOAT32 -> DType.FLOAT32;
                            case FLOAT64 -> DType.FLOAT64;
                            default -> DType.STRING;
                        }));
            }
            Schema schema;
            try {
                schema = Schema.of(fields);
            } catch (RuntimeException e) {
                return null; // let the general path report it
            }
            shape = new RowShape(java.util.Arrays.copyOf(keys, size), java.util.Arrays.copyOf(kinds, size), schema);
            lastShape = shape;
        }
        List<Column> columns = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Field f = shape.schema().field(i);
            Object v = values[i];
            columns.add(
                    switch (kinds[i]) {
                        case INT64 -> new LongColumn(f, 1, new long[] {((Number) v).longValue()}, null);
                        case FLOAT32 -> new FloatColumn(f, 1, new float[] {(Float) v}, null);
                        case FLOAT64 -> new DoubleColumn(f, 1, new double[] {((Number) v).doubleValue()}, null);
                        default -> new StringColumn(f, 1, new String[] {v.toString()}, null);
                    });
        }
        return new Batch(shape.schema(), 1, columns);
    }

    /** Predictions for several examples at once (one batch). Thread-safe. */
    public List<Prediction> predict(List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Batch batch = toBatch(rows);
        float[] logits = model.inference(batch);
        List<Prediction> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            out.add(head.predict(logits, r));
        }
        return out;
    }

    /** Predictions for a batch of raw features as an input pipeline delivers it (columns typed by their schema). */
    public List<Prediction> predict(Batch features) {
        float[] logits = model.inference(features);
        List<Prediction> out = new ArrayList<>(features.numRows());
        for (int r = 0; r < features.numRows(); r++) {
            out.add(head.predict(logits, r));
        }
        return out;
    }

    /** A batch of the rows, typed from their Java values (strings, int64 integers, float64 decimals, lists). */
    private static Batch toBatch(List<? extends Map<String, ?>> rows) {
        Map<String, Field> fields = new java.util.LinkedHashMap<>();
        for (Map<String, ?> row : rows) {
            for (Map.Entry<String, ?> e : row.entrySet()) {
                if (e.getValue() != null && !fields.containsKey(e.getKey())) {
                    fields.put(e.getKey(), fieldOf(e.getKey(), e.getValue()));
                }
            }
        }
        Schema schema = Schema.of(List.copyOf(fields.values()));
        List<Example> examples = new ArrayList<>(rows.size());
        Example.Builder b = Example.builder(schema);
        for (Map<String, ?> row : rows) {
            for (Map.Entry<String, ?> e : row.entrySet()) {
                if (e.getValue() != null) {
                    b.set(e.getKey(), e.getValue());
                }
            }
            examples.add(b.build());
        }
        return Batch.of(schema, examples);
    }

    private static Field fieldOf(String name, Object v) {
        if (v instanceof List<?> || v.getClass().isArray()) {
            Object first = v instanceof List<?> l
                    ? (l.isEmpty() ? "" : l.get(0))
                    : java.lang.reflect.Array.getLength(v) == 0 ? "" : java.lang.reflect.Array.get(v, 0);
            return Field.variable(name, scalarType(name, first));
        }
        return Field.scalar(name, scalarType(name, v));
    }

    private static DType scalarType(String name, Object v) {
        if (v instanceof CharSequence) {
            return DType.STRING;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return DType.INT64;
        }
        if (v instanceof Float) {
            return DType.FLOAT32;
        }
        if (v instanceof Number) {
            return DType.FLOAT64;
        }
        throw new IllegalArgumentException(
                "feature '" + name + "' is a " + v.getClass().getName() + "; use strings, numbers, or lists of them");
    }
}
