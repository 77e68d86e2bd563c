package org.estimator4j.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files of a store kept in an embedded H2 database: {@code NAME.mv.db} (the data), {@code NAME.lock.db} (while a
 * process has it open for writing) and {@code NAME.trace.db} (H2's error log), and the URLs to open it with.
 *
 * @param base the database path without H2's {@code .mv.db} suffix, absolute
 * @param settings the URL's settings after the path (each {@code KEY=VALUE}), already allowed by
 *     {@link StoreUrlPolicy}
 */
record H2StoreFile(Path base, List<String> settings) {
    /** Settings that make H2 write (share the file over a socket, compact it): left out of read-only URLs. */
    private static final List<String> WRITING_SETTINGS =
            List.of("AUTO_SERVER", "AUTO_SERVER_PORT", "MAX_COMPACT_TIME", "ACCESS_MODE_DATA", "IFEXISTS");

    H2StoreFile {
        settings = List.copyOf(settings);
    }

    /** The file of an embedded H2 URL ({@link StoreLocation#isH2File}). */
    static H2StoreFile of(String h2Url) {
        String[] parts = h2Url.substring("jdbc:h2:".length()).split(";");
        String path = parts[0].startsWith("file:") ? parts[0].substring("file:".length()) : parts[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                settings.add(parts[i]);
            }
        }
        return new H2StoreFile(Path.of(path).toAbsolutePath().normalize(), settings);
    }

    /** {@code NAME.mv.db}: the database. */
    Path dataFile() {
        return sibling(".mv.db");
    }

    Path lockFile() {
        return sibling(".lock.db");
    }

    Path traceFile() {
        return sibling(".trace.db");
    }

    /**
     * An existing store (not a new one): the data file is there and not empty. A store that fails to open is then
     * damaged, never "new": its schema must not be created over it.
     */
    boolean exists() {
        try {
            return Files.exists(dataFile()) && Files.size(dataFile()) > 0;
        } catch (IOException e) {
            return true; // there, but unreadable: treat as existing, so nothing creates over it
        }
    }

    /** Whether this process may not write the data file or its folder (where H2 puts the lock file). */
    boolean notWritable() {
        Path folder = base.getParent();
        return Files.exists(dataFile())
                && (!Files.isWritable(dataFile()) || (folder != null && !Files.isWritable(folder)));
    }

    /** The URL to open an existing store for writing: never creates a database ({@code IFEXISTS}). */
    String existingUrl(String url) {
        return url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
    }

    /**
     * The URL to read the store without writing a byte: H2's read-only mode, no auto-server (it needs the lock
     * file), no trace file, never created.
     */
    String readOnlyUrl() {
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(base);
        for (String setting : settings) {
            String key = setting.split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
            if (!WRITING_SETTINGS.contains(key)) {
                url.append(';').append(setting);
            }
        }
        return url.append(";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0")
                .toString();
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
