package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.table.Batch;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.adapt.FeatureColumnAdapter;
import org.estimator4j.features.json.FeatureColumnJson;

/**
 * Gives a config's feature columns the state they learn from data (learned vocabularies, normalizers, quantile
 * boundaries) before a model is built from them, from one of two places:
 *
 * <ul>
 *   <li>the model directory, once it holds a model: its {@code estimator.json} keeps the columns with the state
 *       learned when training began, so a resumed run, evaluate, predict and export all use that state, and a change
 *       in the data never re-learns it behind the checkpoints' back;
 *   <li>else one pass over the training data ({@link FeatureColumnAdapter}), before the first step.
 * </ul>
 *
 * Columns with nothing to learn pass through unchanged.
 */
final class LearnedColumnState {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The column lists with their state, and a line saying where it came from (null when nothing had state to
     * learn).
     */
    record Outcome(Map<String, List<FeatureColumn>> columns, String note) {}

    private LearnedColumnState() {}

    /**
     * @param where the config's name, for messages ({@code experiment.json})
     * @param declared the config's column lists by key ({@code feature_columns}, ...); null lists are left out
     * @param trainData the training rows, read once when the state has to be learned; null when there are none
     */
    static Outcome resolve(
            String where,
            Path modelDir,
            Map<String, List<FeatureColumn>> declared,
            Supplier<Dataset<Batch>> trainData) {
        List<String> learning = new ArrayList<>();
        declared.values()
                .forEach(l -> l.stream()
                        .filter(c -> !c.isAdapted())
                        .map(FeatureColumn::name)
                        .filter(n -> !learning.contains(n))
                        .forEach(learning::add));
        if (learning.isEmpty()) {
            return new Outcome(declared, null);
        }
        Path saved = modelDir.resolve("estimator.json");
        if (Files.isRegularFile(saved)) {
            return new Outcome(
                    restore(where, saved, declared),
                    "feature columns " + String.join(", ", learning) + ": using the state they learned when model_dir "
                            + modelDir + " was first trained");
        }
        if (trainData == null) {
            throw new ConfigException(where + ".feature_columns: " + String.join(", ", learning) + " learn their "
                    + "state from data, but data.train_files is empty and model_dir " + modelDir + " holds no "
                    + "trained model; add train files, or put columns adapted with 'e4j features adapt' in the config");
        }
        long start = System.nanoTime();
        long[] rows = {0};
        List<FeatureColumn> all = new ArrayList<>();
        declared.values().forEach(all::addAll);
        List<FeatureColumn> adapted;
        try (Dataset<Batch> data = trainData.get().map(b -> {
            rows[0] += b.numRows();
            return b;
        })) {
            adapted = FeatureColumnAdapter.adapt(all, data);
        } catch (FeatureColumnException e) {
            throw new ConfigException(
                    where + ".feature_columns: " + e.getMessage()
                            + "; check data.train_files or the column's learn settings",
                    e);
        }
        Map<String, List<FeatureColumn>> out = new LinkedHashMap<>();
        int from = 0;
        for (Map.Entry<String, List<FeatureColumn>> e : declared.entrySet()) {
            out.put(
                    e.getKey(),
                    List.copyOf(adapted.subList(from, from + e.getValue().size())));
            from += e.getValue().size();
        }
        return new Outcome(
                out,
                String.format(
                        Locale.ROOT,
                        "feature columns %s: learned their state in one pass "
                                + "over the train files (%,d rows, %.1f s)",
                        String.join(", ", learning),
                        rows[0],
                        (System.nanoTime() - start) / 1e9));
    }

    /** The declared columns with the learned state of the same columns in the model directory's description. */
    private static Map<String, List<FeatureColumn>> restore(
            String where, Path saved, Map<String, List<FeatureColumn>> declared) {
        JsonNode description;
        try {
            description = MAPPER.readTree(Files.readString(saved));
        } catch (IOException e) {
            throw new ConfigException(
                    "cannot read " + saved + " (" + e.getMessage() + "); it records the model "
                            + "in that model_dir: restore it, or use a new model_dir",
                    e);
        }
        Map<String, List<FeatureColumn>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<FeatureColumn>> e : declared.entrySet()) {
            ArrayNode columns = FeatureColumnJson.toJson(e.getValue());
            if (!withStateOf(columns, description.get(e.getKey()))) {
                throw new ConfigException(where + "." + e.getKey() + ": model_dir " + saved.getParent()
                        + " holds a model with other feature columns (see " + saved + "); use a new model_dir, or "
                        + "the columns it was trained with");
            }
            out.put(e.getKey(), FeatureColumnJson.fromJson(columns));
        }
        return out;
    }

    /**
     * Copies the learned state of {@code saved} (columns as the model directory describes them) into {@code target}
     * (the same columns before learning, in the same JSON shape): a learned vocabulary's {@code vocabulary_list},
     * quantile buckets' {@code boundaries}, a learned normalizer's parameters. Everything else stays as declared, so
     * a column changed since (another kind, another min_frequency) still differs from the saved model, which then
     * refuses it. False when the two do not have the same shape.
     */
    static boolean withStateOf(JsonNode target, JsonNode saved) {
        if (target.isArray()) {
            if (saved == null || !saved.isArray() || saved.size() != target.size()) {
                return false;
            }
            for (int i = 0; i < target.size(); i++) {
                if (!withStateOf(target.get(i), saved.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!target.isObject()) {
            return true;
        }
        if (saved == null || !saved.isObject()) {
            return false;
        }
        if (target.has("class_name") && target.path("config").isObject()) {
            if (!target.get("class_name").equals(saved.get("class_name"))
                    || !saved.path("config").isObject()) {
                return false;
            }
            ObjectNode config = (ObjectNode) target.get("config");
            JsonNode from = saved.get("config");
            if (config.hasNonNull("learn") && from.has("vocabulary_list")) {
                config.set("vocabulary_list", from.get("vocabulary_list"));
            }
            if (config.hasNonNull("quantile_buckets") && from.has("boundaries")) {
                config.set("boundaries", from.get("boundaries"));
            }
            if (config.path("normalizer").path("learned").asBoolean(false)
                    && from.path("normalizer").isObject()) {
                ObjectNode normalizer = (ObjectNode) config.get("normalizer");
                Set<String> parameters = new LinkedHashSet<>();
                from.get("normalizer").fieldNames().forEachRemaining(parameters::add);
                parameters.removeAll(List.of("kind", "learned"));
                parameters.forEach(p -> normalizer.set(p, from.get("normalizer").get(p)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isContainerNode() && !withStateOf(field.getValue(), saved.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
