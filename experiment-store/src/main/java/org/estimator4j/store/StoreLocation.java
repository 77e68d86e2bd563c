package org.estimator4j.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the experiment store is. In order: the {@code --store} flag, the config's {@code store} key, the environment
 * variable {@value #ENV}, and the default, an H2 file at {@code ~/.estimator4j/store/e4j} (files
 * {@code e4j.mv.db} and, while open, {@code e4j.lock.db}).
 *
 * <p>Any of them may be a JDBC URL ({@code jdbc:postgresql://host/db?user=..}, {@code jdbc:h2:file:/path}) or a plain
 * path, which means an H2 file there. H2 file URLs get {@code AUTO_SERVER=TRUE}, so several processes may record into
 * one file at once (the first to open it serves the others over a local socket, and another takes over when it
 * exits). A URL's settings must be on an allow-list ({@link StoreUrlPolicy}): a store URL from a shared config must
 * not run code. (H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} in that mode, so H2 closes the file at JVM exit, perhaps
 * before the store's shutdown hook has marked interrupted runs KILLED; the run's writer then reopens it, as it does
 * whenever a connection is lost.) They also get {@code MAX_COMPACT_TIME=0}: H2 2.3.232 can trip over its own
 * compaction when closing a file (h2database issues 4086 and 4247, the latter with lost rows); without it the file
 * is not shrunk at close, and H2's background compaction still reclaims space while it is open.
 */
public final class StoreLocation {
    /** The environment variable naming the store (a JDBC URL or a path). */
    public static final String ENV = "E4J_STORE";

    private StoreLocation() {}

    /** The default store file, without H2's {@code .mv.db} suffix: {@code ~/.estimator4j/store/e4j}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".estimator4j", "store", "e4j");
    }

    /** The JDBC URL of the default store. */
    public static String defaultUrl() {
        return h2FileUrl(defaultPath());
    }

    /** The store to use: the flag, else the config value, else {@value #ENV}, else the default (nulls skipped). */
    public static String resolve(String flag, String configValue) {
        return resolve(flag, configValue, System.getenv());
    }

    /** {@link #resolve(String, String)} with the environment given (for tests). */
    public static String resolve(String flag, String configValue, Map<String, String> env) {
        String[] candidates = {flag, configValue, env.get(ENV)};
        String[] sources = {"--store", "the config's 'store'", ENV};
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null && !candidates[i].isBlank()) {
                try {
                    return normalize(candidates[i].trim());
                } catch (StoreException e) {
                    // Say where the refused URL came from: the user fixes it there.
                    throw new StoreException(
                            sources[i] + ": " + e.problem(), e.hint().orElse(null), e);
                }
            }
        }
        return defaultUrl();
    }

    /**
     * A JDBC URL for a URL or a path; H2 file URLs get the options described in the class comment. Every store URL
     * passes here (the store opens only normalized URLs), so here it is refused unless {@link StoreUrlPolicy} allows
     * it: no settings that run SQL or code, load classes or write files.
     */
    public static String normalize(String urlOrPath) {
        if (!urlOrPath.startsWith("jdbc:")) {
            StoreUrlPolicy.checkPath(urlOrPath);
            String path = urlOrPath;
            if (path.startsWith("~/")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            if (path.endsWith(".mv.db")) {
                path = path.substring(0, path.length() - ".mv.db".length());
            }
            return h2FileUrl(Path.of(path));
        }
        StoreUrlPolicy.check(urlOrPath);
        if (isH2File(urlOrPath)) {
            String url = urlOrPath;
            String upper = url.toUpperCase(Locale.ROOT);
            if (!upper.contains(";AUTO_SERVER=")) {
                url += ";AUTO_SERVER=TRUE";
            }
            if (!upper.contains(";MAX_COMPACT_TIME=")) {
                url += ";MAX_COMPACT_TIME=0";
            }
            return url;
        }
        return urlOrPath;
    }

    /** The URL for display: passwords are masked. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0";
    }

    /** An embedded H2 file (not in-memory, not a remote tcp/ssl server). */
    static boolean isH2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }
}
