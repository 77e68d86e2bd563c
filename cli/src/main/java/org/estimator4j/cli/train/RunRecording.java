package org.estimator4j.cli.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.estimator4j.api.estimator.EvalResult;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.api.tracking.RunStatus;
import org.estimator4j.api.tracking.RunTracker;
import org.estimator4j.api.tracking.TrackingCallback;
import org.estimator4j.cli.VersionProvider;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.config.RunLabels;
import org.estimator4j.cli.store.StoreErrors;
import org.estimator4j.cli.store.StoreOpener;
import org.estimator4j.estimators.TrainAndEvaluate;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.Provenance;
import org.estimator4j.store.StoreException;
import org.estimator4j.store.StoreLocation;
import org.estimator4j.store.TrackedRun;

/**
 * What {@code e4j train} records in the experiment store: one run in the config's experiment, with
 *
 * <ul>
 *   <li>params: every scalar of the resolved config, flattened ({@code estimator.type},
 *       {@code data.batch_size}, {@code estimator.optimizer.learning_rate}); lists of scalars as JSON; the feature
 *       columns are left to the config in the provenance;
 *   <li>provenance: the resolved config, seeds, data files with size and SHA-256, versions, host, user, git commit,
 *       plugin jars, the command line;
 *   <li>metrics: the training loss every {@code run_config.log_step_count_steps} steps ({@code train_loss}), each
 *       evaluation during training, and the final evaluation, under the metrics' names;
 *   <li>artifacts: the checkpoints in the model directory and the exported bundles, at the end;
 *   <li>status: FINISHED, FAILED with the stack trace, or KILLED (SIGTERM, by the store's shutdown hook).
 * </ul>
 *
 * With {@code --no-store} it records nothing (a no-op tracker).
 */
final class RunRecording implements AutoCloseable {
    /** Params longer than this are left out (they are in the config provenance item). */
    private static final int MAX_PARAM = 1_000;

    private static final List<String> NOT_PARAMS = List.of(
            "feature_columns",
            "linear_feature_columns",
            "dnn_feature_columns",
            "run"); // "run" (name, tags) is recorded as the run's name and tags

    private final ExperimentStore store;
    private final RunTracker tracker;
    private final ExperimentConfig config;

    private RunRecording(ExperimentStore store, RunTracker tracker, ExperimentConfig config) {
        this.store = store;
        this.tracker = tracker;
        this.config = config;
    }

    /** A recording that records nothing: {@code --no-store}. */
    static RunRecording disabled(ExperimentConfig config) {
        return new RunRecording(null, RunTracker.noop(), config);
    }

    /**
     * Opens the store through {@code stores} ({@code --store}, else the config's {@code store}, else
     * {@code E4J_STORE}, else the default), starts the run under {@code labels}' name and tags, and records its params and provenance.
     */
    static RunRecording start(
            StoreOpener stores,
            ExperimentConfig config,
            RunLabels labels,
            String storeFlag,
            Path pluginsFlag,
            List<String> commandLine,
            PrintWriter err) {
        String url = StoreLocation.resolve(storeFlag, config.store());
        ExperimentStore store;
        try {
            store = stores.open(url, false);
        } catch (StoreException e) {
            throw StoreErrors.toE4j(e);
        }
        TrackedRun run = null;
        try {
            run = store.newRun(config.experimentName()).name(labels.name()).start();
            run.logParams(params(config.resolvedJson()));
            labels.tags().forEach(run::setTag);
            run.setTag("model_dir", config.runConfig().modelDir().toString());
            run.logProvenance(Provenance.builder()
                    .config(config.resolvedJson().toString())
                    .seed(config.runConfig().seed())
                    .item("data.seed", Long.toString(config.dataSeed()))
                    .dataFiles(config.dataFiles())
                    .libraryVersion(VersionProvider.projectVersion())
                    .plugins(pluginJars(config, pluginsFlag))
                    .workingDir(config.source().toAbsolutePath().getParent())
                    .item("command", String.join(" ", commandLine))
                    .build()
                    .collect());
            err.println("recording run " + run.runId() + (labels.name() == null ? "" : " '" + labels.name() + "'")
                    + " in experiment '" + config.experimentName() + "' ("
                    + StoreLocation.redact(store.url()) + ")");
            return new RunRecording(store, run, config);
        } catch (RuntimeException | Error e) {
            if (run != null) {
                run.fail(e);
            }
            store.close();
            throw e;
        }
    }

    /** The run's id, or null when nothing is recorded. */
    String runId() {
        return store == null ? null : tracker.runId();
    }

    /** The configured callbacks plus the one that reports the training loss and evaluations. */
    List<Callback> callbacks(List<Callback> configured) {
        if (store == null) {
            return configured;
        }
        List<Callback> all = new ArrayList<>(configured);
        all.add(new TrackingCallback(tracker, Math.max(1, config.runConfig().logStepCountSteps())));
        return all;
    }

    /** The final evaluation (after training without train-and-evaluate, whose evaluations the callback saw). */
    void evaluated(EvalResult eval) {
        if (eval != null) {
            eval.metrics().forEach((name, value) -> tracker.logMetric(name, value, eval.globalStep()));
        }
    }

    /** Records the checkpoints and exported bundles, then ends the run FINISHED. */
    void finished(TrainAndEvaluate.Result during) {
        if (store == null) {
            return;
        }
        logArtifacts(during);
        tracker.end(RunStatus.FINISHED, null);
    }

    /** Ctrl-C: records the checkpoints (the final one included) and bundles, then ends the run KILLED. */
    void interrupted(TrainAndEvaluate.Result during, String why) {
        if (store == null) {
            return;
        }
        logArtifacts(during);
        tracker.end(RunStatus.KILLED, why);
    }

    /** The store's URL, passwords left out, or null when nothing is recorded. */
    String storeUrl() {
        return store == null ? null : StoreLocation.redact(store.url());
    }

    /** {@code run 3f2a... in experiment 'census' (store URL)}, or null when nothing is recorded. */
    String describe() {
        return store == null
                ? null
                : "run " + tracker.runId() + " in experiment '" + config.experimentName() + "' ("
                        + StoreLocation.redact(store.url()) + ")";
    }

    private void logArtifacts(TrainAndEvaluate.Result during) {
        Path modelDir = config.runConfig().modelDir();
        if (Files.isDirectory(modelDir)) {
            try (Stream<Path> files = Files.list(modelDir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches("ckpt-\\d+\\.e4j"))
                        .sorted()
                        .toList()) {
                    tracker.logArtifact(f, "checkpoint");
                }
            } catch (IOException e) {
                tracker.setTag("artifacts.error", "cannot list " + modelDir + ": " + e);
            }
        }
        if (during != null) {
            for (Path bundle : new Path[] {during.bestExport(), during.latestExport()}) {
                if (bundle != null && Files.exists(bundle)) {
                    tracker.logArtifact(bundle, "bundle");
                }
            }
        }
    }

    /** Ends the run FAILED with the error's stack trace. */
    void failed(Throwable error) {
        tracker.fail(error);
    }

    /** Closes the store; a run not ended by now (an Error past the catch) ends KILLED. */
    @Override
    public void close() {
        if (!tracker.isEnded()) {
            tracker.end(RunStatus.KILLED, "e4j train stopped without ending the run");
        }
        if (store != null) {
            store.close();
        }
    }

    /** Every scalar of the config by dotted path; lists of scalars as JSON text; feature columns left out. */
    static Map<String, String> params(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (prefix.isEmpty() && NOT_PARAMS.contains(e.getKey())) {
                    continue;
                }
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            String json = node.toString();
            if (json.length() <= MAX_PARAM) {
                out.put(prefix, json);
            }
        } else if (!node.isNull() && !prefix.isEmpty()) {
            out.put(prefix, node.asText());
        }
    }

    /** The jars of the plugins folder (flag, else the config's plugins.dir, else E4J_PLUGINS_DIR) and versions. */
    private static Map<String, String> pluginJars(ExperimentConfig config, Path pluginsFlag) {
        Path dir = pluginsFlag;
        JsonNode configured = config.resolvedJson().path("plugins").path("dir");
        if (dir == null && configured.isTextual()) {
            dir = config.source()
                    .toAbsolutePath()
                    .getParent()
                    .resolve(configured.textValue())
                    .normalize();
        }
        Optional<Path> resolved = ComponentRegistry.resolvePluginsDir(Optional.ofNullable(dir), System.getenv());
        Map<String, String> jars = new LinkedHashMap<>();
        if (resolved.isEmpty() || !Files.isDirectory(resolved.get())) {
            return jars;
        }
        try (Stream<Path> files = Files.list(resolved.get())) {
            for (Path jar :
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.put(jar.toAbsolutePath().toString(), jarVersion(jar));
            }
        } catch (IOException e) {
            jars.put(resolved.get().toString(), "unreadable: " + e);
        }
        return jars;
    }

    /** The jar's Implementation-Version (or Bundle-Version), else "unknown". */
    private static String jarVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() != null) {
                var attributes = file.getManifest().getMainAttributes();
                for (String key : new String[] {"Implementation-Version", "Bundle-Version", "Specification-Version"}) {
                    String v = attributes.getValue(key);
                    if (v != null) {
                        return v;
                    }
                }
            }
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        return "unknown";
    }
}
