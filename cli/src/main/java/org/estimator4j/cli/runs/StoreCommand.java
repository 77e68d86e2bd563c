package org.estimator4j.cli.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.store.StoreErrors;
import org.estimator4j.cli.store.StoreOpener;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.StoreException;
import org.estimator4j.store.StoreLocation;
import org.estimator4j.store.query.RunQueries;
import org.estimator4j.store.query.UnknownRunException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code e4j runs} / {@code e4j experiments} command shares: {@code --store}, {@code --format}, opening
 * the store (and closing it), and turning store errors into one-line messages with a hint.
 */
abstract class StoreCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(
            names = "--store",
            paramLabel = "URL|PATH",
            description = "The experiment store: a JDBC URL (jdbc:h2:file:..., jdbc:postgresql://...) or the path of"
                    + " an H2 file (default: $E4J_STORE, else ~/.estimator4j/store/e4j).")
    String store;

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--read-only",
            description = "Open the store only to read it: no lock or trace file, not a byte written (automatic when "
                    + "the store's file or folder is not writable).")
    boolean readOnly;

    @Spec
    CommandSpec spec;

    @Inject
    StoreOpener stores;

    /** The command's work, with the store open; returns the exit code. */
    abstract int run(ExperimentStore store, RunQueries queries, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        String url;
        ExperimentStore opened;
        try {
            url = StoreLocation.resolve(store, null);
            requireExisting(url);
            opened = stores.open(url, readOnly);
        } catch (StoreException e) {
            throw fromStore(e);
        }
        try (ExperimentStore s = opened) {
            PrintWriter out = spec.commandLine().getOut();
            int code = run(s, new RunQueries(s), out);
            out.flush();
            return code;
        } catch (UnknownRunException e) {
            throw new E4jException(
                    e.problem() + " in " + StoreLocation.redact(url), e.hint().orElse(null), e);
        } catch (StoreException e) {
            throw fromStore(e);
        }
    }

    /**
     * Reading commands never create a store: an H2 file that is not there is most likely a typo in --store, or no run
     * was recorded yet.
     */
    private static void requireExisting(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        String rest = url.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return;
        }
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        if (!Files.exists(Path.of(path + ".mv.db"))) {
            throw new E4jException(
                    "there is no experiment store at " + path + ".mv.db",
                    "e4j train records runs there; or point --store / E4J_STORE at an existing store");
        }
    }

    static E4jException fromStore(StoreException e) {
        return StoreErrors.toE4j(e);
    }

    void printJson(PrintWriter out, JsonNode node) throws java.io.IOException {
        out.println(JSON.writeValueAsString(node));
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
