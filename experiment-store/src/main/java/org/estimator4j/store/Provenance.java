package org.estimator4j.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run came from, collected so it can be reproduced: the resolved config, the seed, each data file with its
 * size and SHA-256, the library, JDK, OS and architecture, host and user, the git commit (and whether the checkout
 * had uncommitted changes) and the plugin jars. {@link #collect()} gives the items as the store keeps them, one
 * {@code provenance} row each:
 *
 * <pre>
 * config           the resolved config, JSON
 * seed             the run's seed
 * data.files       [{"path": ..., "size_bytes": ..., "sha256": ...}], JSON
 * library.version  Estimator4J's version
 * java.version, java.vendor, os.name, os.version, os.arch, host, user, working_dir
 * git.commit, git.dirty (true/false)   when the working directory is in a git checkout
 * plugins          [{"jar": ..., "version": ...}], JSON
 * </pre>
 *
 * Data files are hashed as streams (any size, constant memory). Git is asked with a short timeout and skipped quietly
 * when it is not installed or the directory is not a checkout.
 */
public final class Provenance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIT_TIMEOUT_SECONDS = 5;

    private final String config;
    private final Long seed;
    private final List<Path> dataFiles;
    private final String libraryVersion;
    private final Map<String, String> plugins;
    private final Path workingDir;
    private final Map<String, String> extra;

    private Provenance(Builder b) {
        this.config = b.config;
        this.seed = b.seed;
        this.dataFiles = List.copyOf(b.dataFiles);
        this.libraryVersion = b.libraryVersion;
        this.plugins = new LinkedHashMap<>(b.plugins);
        this.workingDir = b.workingDir;
        this.extra = new LinkedHashMap<>(b.extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What to collect; everything is optional. */
    public static final class Builder {
        private String config;
        private Long seed;
        private final List<Path> dataFiles = new ArrayList<>();
        private String libraryVersion;
        private final Map<String, String> plugins = new LinkedHashMap<>();
        private Path workingDir = Path.of("").toAbsolutePath();
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder() {}

        /** The full resolved config (after overrides), as JSON text. */
        public Builder config(String json) {
            this.config = json;
            return this;
        }

        public Builder seed(long runSeed) {
            this.seed = runSeed;
            return this;
        }

        /** Data files to record with size and SHA-256 (duplicates are recorded once). */
        public Builder dataFiles(List<Path> files) {
            for (Path f : files) {
                Path p = f.toAbsolutePath().normalize();
                if (!dataFiles.contains(p)) {
                    dataFiles.add(p);
                }
            }
            return this;
        }

        /** Estimator4J's version; by default the version in the store jar's manifest, if any. */
        public Builder libraryVersion(String version) {
            this.libraryVersion = version;
            return this;
        }

        /** A plugin jar and its version (the caller knows them: the plugin registry). */
        public Builder plugin(String jar, String version) {
            plugins.put(Objects.requireNonNull(jar, "jar"), version == null ? "unknown" : version);
            return this;
        }

        /** Plugin jars and their versions. */
        public Builder plugins(Map<String, String> jarsToVersions) {
            jarsToVersions.forEach(this::plugin);
            return this;
        }

        /** Where git looks for a checkout: the config file's folder, say (default: the working directory). */
        public Builder workingDir(Path dir) {
            this.workingDir = dir.toAbsolutePath().normalize();
            return this;
        }

        /** Any other item (the command line, a data set's version). */
        public Builder item(String key, String value) {
            extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Provenance build() {
            return new Provenance(this);
        }
    }

    /**
     * Collects the items: reads and hashes the data files, asks git. A data file that cannot be read is recorded with
     * its error instead of failing the run.
     */
    public Map<String, String> collect() {
        Map<String, String> items = new LinkedHashMap<>();
        if (config != null) {
            items.put("config", config);
        }
        if (seed != null) {
            items.put("seed", Long.toString(seed));
        }
        if (!dataFiles.isEmpty()) {
            ArrayNode files = JSON.createArrayNode();
            for (Path f : dataFiles) {
                ObjectNode item = files.addObject();
                item.put("path", f.toString());
                try {
                    item.put("size_bytes", Files.size(f));
                    item.put("sha256", sha256(f));
                } catch (IOException e) {
                    item.put("error", e.toString());
                }
            }
            items.put("data.files", files.toString());
        }
        items.put("library.version", libraryVersion != null ? libraryVersion : defaultLibraryVersion());
        items.put("java.version", System.getProperty("java.version"));
        items.put("java.vendor", System.getProperty("java.vendor"));
        items.put("os.name", System.getProperty("os.name"));
        items.put("os.version", System.getProperty("os.version"));
        items.put("os.arch", System.getProperty("os.arch"));
        items.put("host", hostName());
        items.put("user", System.getProperty("user.name"));
        items.put("working_dir", workingDir.toString());
        // Never runs a program the repository configures (fsmonitor, filters, hooks): see SafeGit.
        SafeGit git = new SafeGit(workingDir, GIT_TIMEOUT_SECONDS);
        String commit = git.headCommit();
        if (commit != null) {
            items.put("git.commit", commit);
            Boolean dirty = git.dirty();
            if (dirty != null) {
                items.put("git.dirty", Boolean.toString(dirty));
            }
        }
        if (!plugins.isEmpty()) {
            ArrayNode jars = JSON.createArrayNode();
            plugins.forEach((jar, version) -> jars.addObject().put("jar", jar).put("version", version));
            items.put("plugins", jars.toString());
        }
        items.putAll(extra);
        return items;
    }

    /** The SHA-256 of a file in lowercase hex, read as a stream in 64 KiB blocks. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String defaultLibraryVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown";
        }
    }
}
