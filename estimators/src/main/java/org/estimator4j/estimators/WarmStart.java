package org.estimator4j.estimators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.estimators.checkpoint.Checkpoints;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.CrossedColumn;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.IndicatorColumn;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.VocabularyFileColumn;
import org.estimator4j.features.VocabularyListColumn;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.estimator4j.features.json.FeatureColumnJson;
import org.estimator4j.features.transform.FeatureTransformer;
import org.slf4j.Logger;

/**
 * Initialises a new model from another model directory's latest checkpoint, as TensorFlow's {@code WarmStartSettings}
 * with a {@code VocabInfo} per vocabulary column does. Variables and their optimizer slots are matched by name; those
 * whose rows are indexed by a categorical column's ids are matched row by row when that column's vocabulary changed,
 * because a vocabulary that gained, lost or reordered keys gives the same key another id: copying by position would
 * hand every moved key another key's trained weights.
 *
 * <p>Which rows belong to which column comes from the two models' descriptions ({@code estimator.json}): every
 * top-level list of feature columns in it ({@code feature_columns}, {@code linear_feature_columns},
 * {@code dnn_feature_columns}, ...). A variable belongs to a column when its name is, or starts with followed by
 * {@code /}:
 *
 * <ul>
 *   <li>{@code linear/linear_model/<column>/weights}: a linear model's weights for a categorical column (slots such as
 *       {@code /Ftrl} included), one row of logits per bucket;
 *   <li>{@code linear/linear_model/dense_weights}: the linear model's weights for its dense inputs, one row per input
 *       value in the dense layout (columns by name; an indicator column is one row per bucket);
 *   <li>{@code dnn/hiddenlayer_0/kernel}: a DNN's first layer, one row of units per input value in the DNN's input
 *       layout, likewise;
 *   <li>{@link EmbeddingColumn#tableName()} ({@code <column>_embedding/embedding_weights}) or a shared embedding's
 *       collection name, alone or under a DNN's input scope
 *       ({@code dnn/input_from_feature_columns/input_layer/<table>}): one row of {@code dimension} floats per bucket.
 * </ul>
 *
 * For such a variable the rule is:
 *
 * <ul>
 *   <li>its column is unchanged: copied whole (sizes must match);
 *   <li>its column is a vocabulary column (list, file or learned, possibly weighted) whose vocabulary changed: each
 *       key present in both vocabularies takes its old row; new keys keep the fresh model's initial values (an FTRL
 *       accumulator's initial value, a new embedding vector); OOV bucket rows are copied when the number of OOV
 *       buckets is unchanged;
 *   <li>otherwise, its ids mean something else now (a hash bucket count changed, a crossed column changed, a column
 *       changed type): left fresh, with a logged reason. Mis-sized or mis-aligned data is never copied.
 * </ul>
 *
 * Every other variable (biases, hidden layers) is copied when the source has one of the same name and size. A source
 * directory without a description (not written by {@link ModelEstimator}) can only be copied by name and size, which
 * is done with a warning.
 */
public final class WarmStart {
    private static final Logger LOG = Logs.get(WarmStart.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String LINEAR_PREFIX = "linear/linear_model/";
    static final String DENSE_WEIGHTS = LINEAR_PREFIX + "dense_weights";
    private static final String WEIGHTS_SUFFIX = "/weights";
    /** A DNN's first layer: one row of units per input value, as the linear dense weights. */
    static final String DNN_INPUT_KERNEL = "dnn/hiddenlayer_0/kernel";
    /** Where a DNN keeps its embedding tables: {@code dnn/input_from_feature_columns/input_layer/<table>}. */
    private static final String INPUT_LAYER_SCOPE = "/input_from_feature_columns/input_layer/";
    /** The model directory's description file, as {@link ModelEstimator} writes it. */
    static final String DESCRIPTION_FILE = "estimator.json";

    private WarmStart() {}

    /** How many variables (optimizer slots count as variables) were copied whole, remapped by rows, or left fresh. */
    public record Summary(int copied, int remapped, int fresh) {}

    /**
     * Warm starts {@code model} (fresh, described by {@code description}) from the latest checkpoint in
     * {@code sourceDir}, matching vocabulary rows by key.
     *
     * @throws IllegalStateException when {@code sourceDir} has no checkpoint, or its description cannot be read
     */
    public static Summary apply(Model model, String description, Path sourceDir) {
        var source = new Checkpoints(sourceDir, Integer.MAX_VALUE)
                .latest()
                .orElseThrow(() -> new IllegalStateException("no checkpoint to warm start from in " + sourceDir
                        + "; train that model first or drop warm_start_from"));
        Path descriptionFile = sourceDir.resolve(DESCRIPTION_FILE);
        String sourceDescription = null;
        if (Files.isRegularFile(descriptionFile)) {
            try {
                sourceDescription = Files.readString(descriptionFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + descriptionFile + ": " + e.getMessage(), e);
            }
        } else {
            LOG.warn(
                    "{} has no {}: its vocabularies are unknown, so variables are "
                            + "copied by name and size only; rows of a changed vocabulary would be misplaced",
                    sourceDir,
                    DESCRIPTION_FILE);
        }
        Map<String, float[]> variables = model.variables();
        Summary summary = remap(variables, description, source.variables(), sourceDescription, sourceDir.toString());
        model.restore(variables);
        LOG.info(
                "warm started from {} (step {}): {} variables copied, {} remapped to "
                        + "new vocabularies, {} left fresh (of {})",
                source.file(),
                source.globalStep(),
                summary.copied(),
                summary.remapped(),
                summary.fresh(),
                variables.size());
        return summary;
    }

    /**
     * Overwrites the arrays of {@code fresh} (a new model's initial variables, described by {@code description}) with
     * what {@code saved} (a trained model's, described by {@code savedDescription}, or null when unknown) holds for
     * them, row by row where a vocabulary changed. {@code source} names the trained model in messages.
     */
    static Summary remap(
            Map<String, float[]> fresh,
            String description,
            Map<String, float[]> saved,
            String savedDescription,
            String source) {
        Layout now = Layout.of(columnLists(description, "this model's description"));
        Layout before = savedDescription == null
                ? null
                : Layout.of(columnLists(savedDescription, "the description of warm start source " + source));
        Map<String, Plan> plans = new HashMap<>();
        int copied = 0;
        int remapped = 0;
        int left = 0;
        for (Map.Entry<String, float[]> v : fresh.entrySet()) {
            String name = v.getKey();
            float[] target = v.getValue();
            float[] old = saved.get(name);
            String owner = before == null ? null : now.ownerOf(name);
            Plan plan = owner == null
                    ? Plan.COPY
                    : plans.computeIfAbsent(owner, o -> {
                        Plan p = now.plan(o, before);
                        if (p.reason() != null) {
                            LOG.info("warm start: {}: {}", o, p.reason());
                        }
                        return p;
                    });
            if (old == null) {
                left++;
            } else if (plan.isFresh()) {
                left++;
            } else if (plan.from() == null) {
                if (old.length == target.length) {
                    System.arraycopy(old, 0, target, 0, old.length);
                    copied++;
                } else {
                    LOG.info(
                            "warm start: {} has {} values in {} but {} here: left " + "fresh",
                            name,
                            old.length,
                            source,
                            target.length);
                    left++;
                }
            } else if (copyRows(plan, old, target)) {
                remapped++;
            } else {
                LOG.info(
                        "warm start: {} has {} values in {}, which is not {} rows " + "as its columns say: left fresh",
                        name,
                        old.length,
                        source,
                        plan.oldRows());
                left++;
            }
        }
        return new Summary(copied, remapped, left);
    }

    /** Copies old row {@code from[r]} into row r for every mapped row; false (nothing copied) if a size is off. */
    private static boolean copyRows(Plan plan, float[] old, float[] target) {
        int rows = plan.from().length;
        if (rows == 0 || target.length % rows != 0) {
            return false;
        }
        int width = target.length / rows;
        if ((long) plan.oldRows() * width != old.length) {
            return false;
        }
        for (int r = 0; r < rows; r++) {
            int o = plan.from()[r];
            if (o >= 0) {
                System.arraycopy(old, o * width, target, r * width, width);
            }
        }
        return true;
    }

    /**
     * What to do with the variables of one owner: copy whole ({@code from} null, no reason), leave fresh ({@code from}
     * null, a reason), or move rows: new row r takes old row {@code from[r]} of {@code oldRows}, or stays fresh for -1.
     */
    record Plan(int[] from, int oldRows, String reason) {
        static final Plan COPY = new Plan(null, 0, null);

        static Plan fresh(String reason) {
            return new Plan(null, 0, reason);
        }

        boolean isFresh() {
            return from == null && reason != null;
        }
    }

    /** The column of {@code linear/linear_model/<column>/weights}. */
    private static String linearColumnOf(String weights) {
        return weights.substring(LINEAR_PREFIX.length(), weights.length() - WEIGHTS_SUFFIX.length());
    }

    /** The feature column lists of a description: every top-level array of feature-column objects, by key. */
    static Map<String, List<FeatureColumn>> columnLists(String descriptionJson, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(descriptionJson);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + what + " as JSON: " + e.getMessage(), e);
        }
        Map<String, List<FeatureColumn>> lists = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            return lists;
        }
        var fields = root.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (isColumnList(f.getValue())) {
                try {
                    lists.put(f.getKey(), FeatureColumnJson.fromJson(f.getValue()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "cannot read the feature columns '" + f.getKey() + "' of " + what
                                    + ": " + e.getMessage()
                                    + ". Warm starting needs them to match vocabulary rows: make "
                                    + "them readable again (e.g. restore a vocabulary file) or drop warm_start_from",
                            e);
                }
            }
        }
        return lists;
    }

    private static boolean isColumnList(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (JsonNode c : node) {
            if (!c.isObject()
                    || !c.path("class_name").isTextual()
                    || !c.path("config").isObject()) {
                return false;
            }
        }
        return true;
    }

    /** The dense inputs of a linear model or a DNN, in layout order (by name), with their widths. */
    private record DenseLayout(List<DenseColumn> order, Map<String, DenseColumn> byName) {
        static final DenseLayout NONE = new DenseLayout(List.of(), Map.of());

        static DenseLayout of(List<DenseColumn> order) {
            Map<String, DenseColumn> byName = new LinkedHashMap<>();
            order.forEach(c -> byName.put(c.name(), c));
            return new DenseLayout(List.copyOf(order), byName);
        }

        boolean isEmpty() {
            return order.isEmpty();
        }

        int width() {
            return order.stream().mapToInt(DenseColumn::width).sum();
        }

        Map<String, Integer> offsets() {
            Map<String, Integer> offsets = new HashMap<>();
            int at = 0;
            for (DenseColumn c : order) {
                offsets.put(c.name(), at);
                at += c.width();
            }
            return offsets;
        }
    }

    /** Which columns index which variables' rows in one model. */
    private record Layout(
            Map<String, CategoricalColumn> sparse,
            DenseLayout linearDense,
            DenseLayout dnnInput,
            Map<String, Map<String, CategoricalColumn>> tables) {

        static Layout of(Map<String, List<FeatureColumn>> lists) {
            Map<String, CategoricalColumn> sparse = new LinkedHashMap<>();
            DenseLayout linearDense = DenseLayout.NONE;
            // A wide-and-deep model's linear part reads its own list; a linear model reads its only one.
            List<FeatureColumn> linear = lists.containsKey("linear_feature_columns")
                    ? lists.get("linear_feature_columns")
                    : lists.get("feature_columns");
            if (linear != null) {
                FeatureTransformer t = FeatureTransformer.linear(linear);
                t.sparseColumns().forEach(c -> sparse.put(c.name(), c));
                linearDense = DenseLayout.of(t.denseColumns());
            }
            // Likewise the DNN's input: its own list in wide and deep, else the only one if every column is dense.
            DenseLayout dnnInput = DenseLayout.NONE;
            List<FeatureColumn> deep = lists.containsKey("dnn_feature_columns")
                    ? lists.get("dnn_feature_columns")
                    : lists.get("feature_columns");
            if (deep != null && deep.stream().allMatch(c -> c instanceof DenseColumn)) {
                dnnInput = DenseLayout.of(FeatureTransformer.dense(deep).denseColumns());
            }
            Map<String, Map<String, CategoricalColumn>> tables = new LinkedHashMap<>();
            for (List<FeatureColumn> list : lists.values()) {
                for (FeatureColumn c : list) {
                    if (c instanceof EmbeddingColumn e) {
                        tables.computeIfAbsent(e.tableName(), k -> new LinkedHashMap<>())
                                .put(e.name(), e.categoricalColumn());
                    } else if (c instanceof SharedEmbeddingColumn s) {
                        tables.computeIfAbsent(s.sharedEmbeddingCollectionName(), k -> new LinkedHashMap<>())
                                .put(s.name(), s.categoricalColumn());
                    }
                }
            }
            return new Layout(sparse, linearDense, dnnInput, tables);
        }

        /** The owner of a variable (its longest owning prefix), or null for a variable no column indexes. */
        String ownerOf(String variable) {
            for (String candidate = variable; ; ) {
                if (isOwner(candidate)) {
                    return candidate;
                }
                int slash = candidate.lastIndexOf('/');
                if (slash < 0) {
                    return null;
                }
                candidate = candidate.substring(0, slash);
            }
        }

        private boolean isOwner(String key) {
            if ((key.equals(DENSE_WEIGHTS) && !linearDense.isEmpty())
                    || (key.equals(DNN_INPUT_KERNEL) && !dnnInput.isEmpty())
                    || tableOf(key) != null) {
                return true;
            }
            return key.startsWith(LINEAR_PREFIX)
                    && key.endsWith(WEIGHTS_SUFFIX)
                    && key.length() > LINEAR_PREFIX.length() + WEIGHTS_SUFFIX.length()
                    && sparse.containsKey(linearColumnOf(key));
        }

        /** The table a variable name is, alone or under a DNN's input scope ({@code dnn/...input_layer/<table>}). */
        private String tableOf(String key) {
            if (tables.containsKey(key)) {
                return key;
            }
            int at = key.indexOf(INPUT_LAYER_SCOPE);
            String table = at < 0 ? null : key.substring(at + INPUT_LAYER_SCOPE.length());
            return table != null && tables.containsKey(table) ? table : null;
        }

        Plan plan(String owner, Layout before) {
            if (owner.equals(DENSE_WEIGHTS)) {
                return densePlan(linearDense, before.linearDense);
            }
            if (owner.equals(DNN_INPUT_KERNEL)) {
                return densePlan(dnnInput, before.dnnInput);
            }
            String table = tableOf(owner);
            if (table != null) {
                return tablePlan(table, before);
            }
            String column = linearColumnOf(owner);
            CategoricalColumn old = before.sparse.get(column);
            return old == null
                    ? Plan.fresh("column '" + column + "' is new (not in the source's linear part): fresh")
                    : idPlan(column, old, sparse.get(column));
        }

        /** An embedding table's rows follow its column's ids; a shared table's members must all move alike. */
        private Plan tablePlan(String table, Layout before) {
            Map<String, CategoricalColumn> oldMembers = before.tables.get(table);
            if (oldMembers == null) {
                return Plan.fresh("the source model has no such embedding table: fresh");
            }
            Plan agreed = null;
            for (Map.Entry<String, CategoricalColumn> m : tables.get(table).entrySet()) {
                CategoricalColumn old = oldMembers.get(m.getKey());
                if (old == null) {
                    continue; // a member new to the table: its ids index the same rows as the others'
                }
                Plan p = idPlan(m.getKey(), old, m.getValue());
                if (agreed != null && !samePlan(agreed, p)) {
                    return Plan.fresh("the columns sharing it changed their ids differently, so no row order "
                            + "fits all: left fresh");
                }
                agreed = p;
            }
            return agreed != null
                    ? agreed
                    : Plan.fresh("none of the columns that use it are in the source model: fresh");
        }

        private static boolean samePlan(Plan a, Plan b) {
            return Arrays.equals(a.from(), b.from()) && a.oldRows() == b.oldRows() && a.isFresh() == b.isFresh();
        }

        /**
         * Rows indexed by dense input values (a linear model's dense weights, a DNN's first kernel): each dense
         * column's rows move to its new place in the layout, an indicator's rows also to their keys' new ids.
         */
        private static Plan densePlan(DenseLayout now, DenseLayout before) {
            int width = now.width();
            int oldWidth = before.width();
            Map<String, Integer> oldOffsets = before.offsets();
            int[] from = new int[width];
            Arrays.fill(from, -1);
            int at = 0;
            List<String> notes = new ArrayList<>();
            for (DenseColumn c : now.order()) {
                DenseColumn old = before.byName().get(c.name());
                if (old != null) {
                    int[] rows = denseColumnRows(c, old, notes);
                    for (int j = 0; j < rows.length; j++) {
                        from[at + j] = rows[j] < 0 ? -1 : oldOffsets.get(c.name()) + rows[j];
                    }
                } else {
                    notes.add(c.name() + " is new: fresh");
                }
                at += c.width();
            }
            boolean identity = width == oldWidth;
            boolean any = false;
            for (int r = 0; r < width; r++) {
                identity &= from[r] == r;
                any |= from[r] >= 0;
            }
            if (identity) {
                return Plan.COPY;
            }
            if (!any) {
                return Plan.fresh("no dense input of the source model is still here: fresh");
            }
            return new Plan(
                    from,
                    oldWidth,
                    "rows moved to the new input layout"
                            + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        }

        /** Which old row of a dense column each of its new rows takes (-1: fresh). */
        private static int[] denseColumnRows(DenseColumn now, DenseColumn old, List<String> notes) {
            int[] rows = new int[now.width()];
            Arrays.fill(rows, -1);
            if (now instanceof IndicatorColumn n && old instanceof IndicatorColumn o) {
                Plan p = idPlan(now.name(), o.categoricalColumn(), n.categoricalColumn());
                if (p.reason() != null) {
                    notes.add(now.name() + ": " + p.reason());
                }
                if (p.from() != null) {
                    return p.from();
                }
                if (!p.isFresh() && old.width() == now.width()) {
                    Arrays.setAll(rows, j -> j);
                }
                return rows;
            }
            if (now.getClass() == old.getClass() && now.width() == old.width()) {
                // The same inputs: a re-adapted normalizer rescales them, an embedding's table is remapped itself.
                Arrays.setAll(rows, j -> j);
            } else {
                notes.add(now.name() + " changed shape or type: fresh");
            }
            return rows;
        }
    }

    /**
     * How the rows indexed by categorical column {@code name} move from its old form to its new one: unchanged ids
     * copy, changed vocabularies remap by key, anything else whose ids changed stays fresh.
     */
    static Plan idPlan(String name, CategoricalColumn old, CategoricalColumn now) {
        if (old.equals(now)) {
            return Plan.COPY;
        }
        // A weight feature changes how much an id counts, not which id a key gets.
        CategoricalColumn o = old instanceof WeightedCategoricalColumn w ? w.categoricalColumn() : old;
        CategoricalColumn n = now instanceof WeightedCategoricalColumn w ? w.categoricalColumn() : now;
        Vocab oldVocab = Vocab.of(o);
        Vocab newVocab = Vocab.of(n);
        if (oldVocab != null && newVocab != null) {
            return vocabularyPlan(name, oldVocab, newVocab);
        }
        if (o.getClass() != n.getClass()) {
            return Plan.fresh("it changed from " + o.getClass().getSimpleName() + " to "
                    + n.getClass().getSimpleName() + ", so its ids mean other things: left fresh");
        }
        if (o.numBuckets() != n.numBuckets()) {
            return Plan.fresh("its bucket count changed from " + o.numBuckets() + " to " + n.numBuckets()
                    + " and it has no vocabulary to match rows by: left fresh");
        }
        if (o instanceof CrossedColumn && !o.equals(n)) {
            return Plan.fresh("the crossed column changed (keys, hash key or a crossed column's ids), so its "
                    + "hashed ids mean other things: left fresh");
        }
        // Same type and bucket count (e.g. re-learned bucket boundaries, another default id): bucket i is bucket i.
        return Plan.COPY;
    }

    private static Plan vocabularyPlan(String name, Vocab old, Vocab now) {
        Map<String, Integer> oldIds = new HashMap<>(old.keys().size() * 2);
        for (int i = 0; i < old.keys().size(); i++) {
            oldIds.put(old.keys().get(i), i);
        }
        int size = now.keys().size();
        int[] from = new int[Math.toIntExact(size + now.numOov())];
        int kept = 0;
        boolean identity = old.keys().size() == size && old.numOov() == now.numOov();
        for (int i = 0; i < size; i++) {
            Integer o = oldIds.get(now.keys().get(i));
            from[i] = o == null ? -1 : o;
            kept += o == null ? 0 : 1;
            identity &= from[i] == i;
        }
        boolean oovKept = old.numOov() == now.numOov();
        for (int k = 0; k < now.numOov(); k++) {
            from[size + k] = oovKept ? old.keys().size() + k : -1;
        }
        if (identity) {
            return Plan.COPY;
        }
        int oldRows = Math.toIntExact(old.keys().size() + old.numOov());
        String reason = "vocabulary changed (" + old.keys().size() + " -> " + size + " keys): " + kept
                + " kept with their rows, " + (size - kept) + " new (fresh), "
                + (old.keys().size() - kept)
                + " dropped"
                + (now.numOov() == 0
                        ? ""
                        : oovKept
                                ? "; OOV buckets copied"
                                : "; OOV buckets fresh (" + old.numOov() + " -> " + now.numOov() + " of them)");
        return kept == 0 && !(oovKept && now.numOov() > 0) ? Plan.fresh(reason) : new Plan(from, oldRows, reason);
    }

    /** A vocabulary column's keys (as text, so an int64 7 and a string "7" match) and OOV bucket count. */
    private record Vocab(List<String> keys, long numOov) {
        static Vocab of(CategoricalColumn c) {
            if (c instanceof VocabularyListColumn v) {
                return new Vocab(
                        v.vocabularyList().stream().map(String::valueOf).toList(), v.numOovBuckets());
            }
            if (c instanceof VocabularyFileColumn v) {
                return new Vocab(
                        v.vocabularyList().stream().map(String::valueOf).toList(), v.numOovBuckets());
            }
            return null;
        }
    }
}
