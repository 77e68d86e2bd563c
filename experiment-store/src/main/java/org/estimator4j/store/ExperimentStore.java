package org.estimator4j.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.tracking.RunStatus;
import org.slf4j.Logger;

/**
 * The experiment store: every training run recorded in a database (an H2 file by default, or PostgreSQL) so it can
 * be found, compared and reproduced later. Open it from a JDBC URL or a path ({@link #open(String)}, see
 * {@link StoreLocation} for the default and {@code E4J_STORE}); opening creates the schema, or upgrades an older one
 * (Flyway migrations in {@code db/migration}), and refuses a schema newer than this version knows.
 *
 * <p>Runs are recorded through {@link TrackedRun} ({@link #startRun}), which writes on a thread of its own. Reads
 * ({@link #getRun}, {@link #metricHistory}, {@link #listRuns}) see what was committed. A store is thread-safe and
 * may be shared; several processes may record into the same store at once.
 *
 * <p>The tables are plain SQL meant to be queried directly; {@link #connect()} gives a connection for that.
 */
public final class ExperimentStore implements AutoCloseable {
    /** How often a recording process updates its runs' heartbeat by default. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    /** A RUNNING run is stale when its heartbeat is older than this many heartbeat intervals. */
    public static final int STALE_AFTER_HEARTBEATS = 3;

    private static final Logger LOG = Logs.get(ExperimentStore.class);

    private final String url;
    private final Dialect dialect;
    private final Duration heartbeat;
    private final Clock clock;
    private final boolean readOnly;
    private final Connections connections;
    private final Connection keeper;
    private final int schemaVersion;
    private final Set<TrackedRun> live = ConcurrentHashMap.newKeySet();
    private final Object hookLock = new Object();
    private Thread shutdownHook;
    private volatile boolean closed;

    private ExperimentStore(Builder b) {
        this.url = StoreLocation.normalize(b.url);
        this.dialect = Dialect.of(url);
        this.heartbeat = b.heartbeat;
        this.clock = b.clock;
        String openUrl = url;
        boolean readOnly = b.readOnly;
        H2StoreFile probedFile = null;
        Map<String, Long> probedCounts = new LinkedHashMap<>();
        if (dialect == Dialect.H2 && StoreLocation.isH2File(url)) {
            H2StoreFile file = H2StoreFile.of(url);
            if (file.exists()) {
                // An existing file is read-only first: H2 would "open" a damaged one for writing by starting over.
                readOnly = readOnly || file.notWritable();
                StoreInspector.Probe probe = StoreInspector.probe(file, probedCounts);
                if (probe == StoreInspector.Probe.HEALTHY && !readOnly) {
                    probedFile = file;
                }
                openUrl = readOnly && probe == StoreInspector.Probe.HEALTHY
                        ? file.readOnlyUrl()
                        // In use: the process writing it serves it (auto-server), and reading through it writes
                        // nothing of ours.
                        : file.existingUrl(url);
            } else if (readOnly) {
                throw new StoreException(
                        "there is no experiment store at " + file.dataFile(),
                        "check --store "
                                + "(or E4J_STORE): a store is created by the first e4j train that records into it");
            } else {
                createParentFolder(url);
            }
        }
        this.readOnly = readOnly;
        this.connections = new Connections(openUrl, dialect);
        try {
            // Held for the store's lifetime: it keeps an embedded H2 database open (and this process its server, when
            // it opened the file first), so other connections are cheap.
            this.keeper = connections.getConnection();
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot open the experiment store " + StoreLocation.redact(url) + ": "
                            + StoreInspector.firstLine(e),
                    "check the URL (or E4J_STORE / --store), that the database is "
                            + "running and that you may write there, or train with --no-store",
                    e);
        }
        try {
            if (probedFile != null) {
                StoreInspector.rolledBack(probedFile, probedCounts, keeper);
            }
            this.schemaVersion =
                    readOnly ? SchemaMigrator.verify(connections, url) : SchemaMigrator.migrate(connections, url);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
    }

    /** Opens (creating or upgrading) the store at a JDBC URL or a path, with the default heartbeat. */
    public static ExperimentStore open(String urlOrPath) {
        return builder(urlOrPath).open();
    }

    /**
     * Checks a store without writing to it (an H2 file is opened read-only, or through the process serving it when
     * one is): its schema history, every table, every row. A damaged store is reported, not refused; a missing one
     * is an error.
     */
    public static StoreCheck check(String urlOrPath) {
        String url = StoreLocation.normalize(urlOrPath);
        Dialect dialect = Dialect.of(url);
        String location = StoreLocation.redact(url);
        if (dialect == Dialect.H2 && StoreLocation.isH2File(url)) {
            H2StoreFile file = H2StoreFile.of(url);
            location = file.dataFile().toString();
            if (!file.exists()) {
                throw new StoreException(
                        "there is no experiment store at " + file.dataFile(), "check --store " + "(or E4J_STORE)");
            }
            String recovery = StoreInspector.recovery(file);
            try (Connection c = DriverManager.getConnection(file.readOnlyUrl())) {
                return StoreInspector.check(c, file);
            } catch (SQLException e) {
                if (e.getErrorCode() != org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1
                        || !java.nio.file.Files.exists(file.lockFile())) {
                    return new StoreCheck(
                            location,
                            0,
                            Map.of(),
                            List.of("H2 cannot read the file: " + StoreInspector.firstLine(e)),
                            recovery);
                }
            }
            url = file.existingUrl(url); // in use: read through the process that serves it
        }
        try (Connection c = new Connections(url, dialect).getConnection()) {
            return StoreInspector.check(c, location, "restore a backup of the database");
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot check the experiment store " + location + ": " + StoreInspector.firstLine(e),
                    "check that the database is running and reachable",
                    e);
        }
    }

    /** Opens the store {@link StoreLocation#resolve} picks with no flag and no config value: E4J_STORE or default. */
    public static ExperimentStore openDefault() {
        return open(StoreLocation.resolve(null, null));
    }

    public static Builder builder(String urlOrPath) {
        return new Builder(urlOrPath);
    }

    /** Options for opening a store. */
    public static final class Builder {
        private final String url;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Clock clock = Clock.systemUTC();
        private boolean readOnly;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * How often runs recorded through this store update their heartbeat, and so (times
         * {@value #STALE_AFTER_HEARTBEATS}) how old a RUNNING run's heartbeat may be before readers call it stale.
         */
        public Builder heartbeatInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be > 0, got " + interval);
            }
            this.heartbeat = interval;
            return this;
        }

        /**
         * The clock that stamps when experiments are created and runs start (default: the system clock). A run's
         * writer stamps its heartbeats, metric points and end on the system clock as they happen.
         */
        public Builder clock(Clock startClock) {
            this.clock = Objects.requireNonNull(startClock, "clock");
            return this;
        }

        /**
         * Opens the store only to read it: no schema creation or upgrade, no runs, and for an H2 file no byte
         * written, no lock or trace file (H2's read-only mode), so it works where the file or its folder is not
         * writable (chosen automatically then). A missing store is an error, not created.
         */
        public Builder readOnly(boolean readOnlyAccess) {
            this.readOnly = readOnlyAccess;
            return this;
        }

        public ExperimentStore open() {
            return new ExperimentStore(this);
        }
    }

    /** The JDBC URL (with H2's options added); may contain a password, see {@link StoreLocation#redact}. */
    public String url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Opened only to read ({@link Builder#readOnly}, or an H2 file this process may not write). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The schema version of the database (the highest applied migration). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public Duration heartbeatInterval() {
        return heartbeat;
    }

    /** How old a RUNNING run's heartbeat must be for it to count as stale: {@value #STALE_AFTER_HEARTBEATS} beats. */
    public Duration staleAfter() {
        return heartbeat.multipliedBy(STALE_AFTER_HEARTBEATS);
    }

    /**
     * A new connection to the store, for plain SQL reads (the caller closes it). Writes should go through the Java
     * API, which keeps params immutable and latest_metrics consistent.
     */
    public Connection connect() throws SQLException {
        checkOpen();
        return newConnection();
    }

    Connection newConnection() throws SQLException {
        return connections.getConnection();
    }

    /**
     * Writes a consistent copy of an H2 store to {@code out}, a zip holding the {@code .mv.db} file (H2's
     * {@code BACKUP TO}, safe while other processes record into it; restore by unzipping it where the store should
     * be). The copy appears whole or not at all; an existing {@code out} is refused. PostgreSQL stores are backed up
     * with {@code pg_dump}.
     */
    public void backup(java.nio.file.Path out) {
        checkOpen();
        if (dialect != Dialect.H2 || !StoreLocation.isH2File(url)) {
            throw new StoreException(
                    "e4j store backup copies H2 files",
                    "back up the PostgreSQL store " + StoreLocation.redact(url) + " with pg_dump");
        }
        java.nio.file.Path target = out.toAbsolutePath().normalize();
        if (java.nio.file.Files.exists(target)) {
            throw new StoreException("the backup file " + target + " exists", "choose another name, or delete it");
        }
        java.nio.file.Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
            java.nio.file.Files.deleteIfExists(partial);
            ps.setString(1, partial.toString());
            ps.execute();
            java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw failure("back up to " + target, e);
        } catch (java.io.IOException e) {
            deleteQuietly(partial);
            throw new StoreException(
                    "cannot write the backup " + target + ": " + e, "check the folder exists " + "and is writable", e);
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // best effort: a leftover .partial file is named as such
        }
    }

    // ---------------------------------------------------------------------------------------------- experiments

    /** Creates an experiment; fails when one of that name exists (use {@link #experiment} to get or create). */
    public Experiment createExperiment(String name) {
        checkName(name, "experiment name");
        if (findExperiment(name).isPresent()) {
            throw new StoreException("experiment '" + name + "' already exists", "pick another name, or use it as is");
        }
        return experiment(name);
    }

    /** The experiment of that name, created when it does not exist yet (safe when processes race to create it). */
    public Experiment experiment(String name) {
        checkName(name, "experiment name");
        Optional<Experiment> found = findExperiment(name);
        if (found.isPresent()) {
            return found.get();
        }
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (name, created_ms) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, clock.millis());
            ps.executeUpdate();
        } catch (SQLException e) {
            // Another process created it between our read and our insert: the unique name wins, read theirs.
            return findExperiment(name).orElseThrow(() -> failure("create experiment '" + name + "'", e));
        }
        return findExperiment(name)
                .orElseThrow(() -> new StoreException("experiment '" + name
                        + "' vanished right after it was created; is another process deleting experiments?"));
    }

    public Optional<Experiment> findExperiment(String name) {
        List<Experiment> found = experiments(
                "SELECT experiment_id, name, created_ms, deleted FROM experiments " + "WHERE name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every experiment, by name. */
    public List<Experiment> listExperiments() {
        return experiments("SELECT experiment_id, name, created_ms, deleted FROM experiments ORDER BY name", null);
    }

    private List<Experiment> experiments(String sql, String arg) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            List<Experiment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Experiment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read experiments", e);
        }
    }

    // ----------------------------------------------------------------------------------------------------- runs

    /** Starts a run in an experiment (created if needed), with no name and no parent. */
    public TrackedRun startRun(String experimentName) {
        return newRun(experimentName).start();
    }

    /** A run to start: {@code store.newRun("census").name("linear-lr0.2").start()}. */
    public RunStart newRun(String experimentName) {
        return new RunStart(experimentName);
    }

    /** The options of a run about to start. */
    public final class RunStart {
        private final String experimentName;
        private String name;
        private String parentRunId;
        private boolean killOnShutdown = true;

        private RunStart(String experimentName) {
            checkName(experimentName, "experiment name");
            this.experimentName = experimentName;
        }

        /** A human-readable name; need not be unique. */
        public RunStart name(String runName) {
            this.name = runName;
            return this;
        }

        /** The run this one belongs to (a sweep's parent, a retried run); it must exist. */
        public RunStart parent(String runId) {
            this.parentRunId = runId;
            return this;
        }

        /**
         * Whether a JVM shutdown before {@link TrackedRun#end} (SIGTERM, Ctrl-C, {@code System.exit}) marks the run
         * KILLED (default true). Off, such a run stays RUNNING and turns stale.
         */
        public RunStart killOnShutdown(boolean kill) {
            this.killOnShutdown = kill;
            return this;
        }

        /** Inserts the run as RUNNING and starts its writer thread. */
        public TrackedRun start() {
            checkOpen();
            checkWritable("record a run");
            Experiment experiment = experiment(experimentName);
            if (parentRunId != null && findRunInfo(parentRunId).isEmpty()) {
                throw new StoreException(
                        "parent run " + parentRunId + " not found in " + StoreLocation.redact(url),
                        "give the id of an existing run");
            }
            String runId = UUID.randomUUID().toString().replace("-", "");
            long now = clock.millis();
            try (Connection c = connect();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_id, experiment_id, name, "
                            + "status, start_ms, heartbeat_ms, parent_run_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setLong(2, experiment.id());
                ps.setString(3, name);
                ps.setString(4, RunStatus.RUNNING.name());
                ps.setLong(5, now);
                ps.setLong(6, now);
                ps.setString(7, parentRunId);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw failure("start a run in experiment '" + experimentName + "'", e);
            }
            TrackedRun run = new TrackedRun(ExperimentStore.this, runId, experimentName, heartbeat);
            if (killOnShutdown) {
                live.add(run);
                installShutdownHook();
            }
            LOG.debug("started run {} in experiment '{}'", runId, experimentName);
            return run;
        }
    }

    /** Called by a run when it ended, so the shutdown hook leaves it alone. */
    void ended(TrackedRun run) {
        live.remove(run);
    }

    private void installShutdownHook() {
        synchronized (hookLock) {
            if (shutdownHook == null) {
                shutdownHook = new Thread(this::onShutdown, "e4j-store-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
        }
    }

    /** JVM shutdown: every run still recording ends KILLED (after writing its queued points); then the store closes. */
    private void onShutdown() {
        for (TrackedRun run : List.copyOf(live)) {
            try {
                run.end(
                        RunStatus.KILLED,
                        "killed: the JVM shut down (SIGTERM, Ctrl-C or System.exit) before the " + "run ended");
            } catch (RuntimeException e) {
                System.err.println("e4j: could not mark run " + run.runId() + " KILLED: " + e.getMessage());
            }
        }
        closeConnections();
    }

    /** The run with that id, with everything recorded about it; an error when there is none. */
    public Run getRun(String runId) {
        return findRun(runId)
                .orElseThrow(() -> new StoreException(
                        "no run " + runId + " in " + StoreLocation.redact(url),
                        "run ids are 32 hex characters, list them with e4j runs list"));
    }

    public Optional<Run> findRun(String runId) {
        Optional<RunInfo> info = findRunInfo(runId);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = connect()) {
            Map<String, String> params = pairs(c, "SELECT param_key, param_value FROM params WHERE run_id = ?", runId);
            Map<String, String> tags = pairs(c, "SELECT tag_key, tag_value FROM tags WHERE run_id = ?", runId);
            Map<String, String> provenance =
                    pairs(c, "SELECT item_key, item_value FROM provenance WHERE run_id = ?", runId);
            Map<String, MetricPoint> latest = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT metric_key, step, metric_value, logged_ms " + "FROM latest_metrics WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), new MetricPoint(rs.getLong(2), rs.getDouble(3), rs.getLong(4)));
                    }
                }
            }
            List<Artifact> artifacts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path, kind, size_bytes, sha256, logged_ms "
                    + "FROM artifacts WHERE run_id = ? ORDER BY logged_ms, path")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        artifacts.add(new Artifact(
                                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return Optional.of(new Run(info.get(), params, tags, latest, artifacts, provenance));
        } catch (SQLException e) {
            throw failure("read run " + runId, e);
        }
    }

    private static Map<String, String> pairs(Connection c, String sql, String runId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static final String RUN_COLUMNS = "r.run_id, r.experiment_id, e.name, r.name, r.status, r.start_ms, "
            + "r.end_ms, r.heartbeat_ms, r.parent_run_id, r.failure, r.deleted FROM runs r "
            + "JOIN experiments e ON e.experiment_id = r.experiment_id";

    /** The run's row (no params, metrics, ...), or empty. */
    public Optional<RunInfo> findRunInfo(String runId) {
        List<RunInfo> found = runInfos("SELECT " + RUN_COLUMNS + " WHERE r.run_id = ?", runId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The runs of an experiment, newest first; soft-deleted ones only when asked for. An unknown experiment has no
     * runs.
     */
    public List<RunInfo> listRuns(String experimentName, boolean includeDeleted) {
        return runInfos(
                "SELECT " + RUN_COLUMNS + " WHERE e.name = ?" + (includeDeleted ? "" : " AND NOT r.deleted")
                        + " ORDER BY r.start_ms DESC, r.run_id",
                experimentName);
    }

    private List<RunInfo> runInfos(String sql, String arg) {
        long now = System.currentTimeMillis();
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<RunInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(runInfo(rs, now));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read runs", e);
        }
    }

    /**
     * Reads a run row selected as {@code run_id, experiment_id, experiment name, name, status, start_ms, end_ms,
     * heartbeat_ms, parent_run_id, failure, deleted} (columns 1-11), deciding staleness against {@code nowMs}.
     */
    public RunInfo runInfo(ResultSet rs, long nowMs) throws SQLException {
        RunStatus status = RunStatus.valueOf(rs.getString(5));
        long endMs = rs.getLong(7);
        Long end = rs.wasNull() ? null : endMs;
        long heartbeatMs = rs.getLong(8);
        return new RunInfo(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                status,
                rs.getLong(6),
                end,
                heartbeatMs,
                rs.getString(9),
                rs.getString(10),
                rs.getBoolean(11),
                isStale(status, heartbeatMs, nowMs));
    }

    /** Whether a run with this recorded status and heartbeat is stale at {@code nowMs} for this store's threshold. */
    public boolean isStale(RunStatus status, long heartbeatMs, long nowMs) {
        return status == RunStatus.RUNNING && nowMs - heartbeatMs > staleAfter().toMillis();
    }

    /** Every point of every metric of a run, by key, each list by step then time. */
    public Map<String, List<MetricPoint>> metricHistory(String runId) {
        return history(runId, null);
    }

    /** Every point of one metric of a run, by step then time; empty when the run never logged it. */
    public List<MetricPoint> metricHistory(String runId, String key) {
        return history(runId, key).getOrDefault(key, List.of());
    }

    private Map<String, List<MetricPoint>> history(String runId, String key) {
        String sql = "SELECT metric_key, step, metric_value, logged_ms FROM metrics WHERE run_id = ?"
                + (key == null ? "" : " AND metric_key = ?") + " ORDER BY metric_key, step, logged_ms";
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            if (key != null) {
                ps.setString(2, key);
            }
            ps.setFetchSize(10_000);
            Map<String, List<MetricPoint>> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new MetricPoint(rs.getLong(2), rs.getDouble(3), rs.getLong(4)));
                }
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return out;
        } catch (SQLException e) {
            throw failure("read the metrics of run " + runId, e);
        }
    }

    /** Soft-deletes a run: hidden from listings and searches, kept in the database, {@link #restoreRun restorable}. */
    public void deleteRun(String runId) {
        setDeleted(runId, true);
    }

    /** Undoes {@link #deleteRun}. */
    public void restoreRun(String runId) {
        setDeleted(runId, false);
    }

    private void setDeleted(String runId, boolean deleted) {
        checkWritable(deleted ? "delete a run" : "restore a run");
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("UPDATE runs SET deleted = ? WHERE run_id = ?")) {
            ps.setBoolean(1, deleted);
            ps.setString(2, runId);
            if (ps.executeUpdate() == 0) {
                throw new StoreException(
                        "no run " + runId + " in " + StoreLocation.redact(url), "list run ids with e4j runs list");
            }
        } catch (SQLException e) {
            throw failure((deleted ? "delete" : "restore") + " run " + runId, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * Closes the store. Runs still recording are not ended (end them first); their writer threads keep their own
     * connections until they end.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (hookLock) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or about to: it closes the store itself.
                    return;
                }
                shutdownHook = null;
            }
        }
        closeConnections();
    }

    private void closeConnections() {
        closed = true;
        closeQuietly(keeper);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "the experiment store " + StoreLocation.redact(url) + " is closed; open it again");
        }
    }

    private void checkWritable(String what) {
        if (readOnly) {
            throw new StoreException(
                    "cannot " + what + ": the experiment store " + StoreLocation.redact(url)
                            + " is open read-only (asked for, or its file or folder is not writable by this user)",
                    "make it " + "writable, or use a store you may write (--store / E4J_STORE)");
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException(
                "cannot " + what + " in the experiment store " + StoreLocation.redact(url) + ": " + e.getMessage(), e);
    }

    static void checkName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (name.length() > 256) {
            throw new IllegalArgumentException(
                    what + " is longer than 256 characters: " + name.substring(0, 40) + "...");
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }

    private static void createParentFolder(String h2Url) {
        String rest = h2Url.substring("jdbc:h2:".length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semi = rest.indexOf(';');
        String path = semi < 0 ? rest : rest.substring(0, semi);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        java.nio.file.Path parent = java.nio.file.Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                java.nio.file.Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new StoreException(
                        "cannot create the store folder " + parent + ": " + e,
                        "pick another place with --store or E4J_STORE",
                        e);
            }
        }
    }

    /** For {@link Statement}-level helpers in this package. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
