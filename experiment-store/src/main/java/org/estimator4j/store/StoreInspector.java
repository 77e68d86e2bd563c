package org.estimator4j.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.api.ErrorCode;

/**
 * Looks at a store without writing to it: the guard in front of every open of an existing H2 file, and the body of
 * {@code e4j store check}. H2 opens a damaged file for writing "successfully" by starting over (a half-truncated file
 * became an empty 16 KB database, and the schema was then created in it: every run gone), so an existing file is
 * first opened read-only, where damage is an error, and must hold the Estimator4J schema.
 */
final class StoreInspector {
    /** The store's tables, in schema order; {@code metrics} (one row per point, by far the largest) is last. */
    static final List<String> TABLES =
            List.of("experiments", "runs", "params", "latest_metrics", "tags", "artifacts", "provenance", "metrics");

    static final String HISTORY_TABLE = "flyway_schema_history";
    /** Stores up to this size have every row read when opened (about a second); larger ones their small tables. */
    static final long FULL_READ_BYTES = 64L << 20;

    /** What the guard found. */
    enum Probe {
        /** Opened read-only, schema there, small tables readable. */
        HEALTHY,
        /** Another process has the file open (its lock file is held): it opened it through this same guard. */
        IN_USE
    }

    /** The tables whose row counts only grow (runs are deleted softly), compared by {@link #rolledBack}. */
    private static final List<String> GROWING = List.of(HISTORY_TABLE, "experiments", "runs", "params", "metrics");

    /**
     * Rows per growing table, read through {@code c}: taken by the read-only probe, and again through the connection
     * that opened the file for writing, before anything is written through it.
     */
    static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : GROWING) {
            String name = table.equals(HISTORY_TABLE) ? "\"" + table + "\"" : table;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + name)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /**
     * Refuses the store when opening it for writing showed fewer rows than the read-only probe saw: H2 fell back to
     * an older state of a file whose newest data it could not use (which read-only mode did not notice). Other
     * processes may have added rows in between; none removes any.
     */
    static void rolledBack(H2StoreFile file, Map<String, Long> probed, Connection c) {
        Map<String, Long> now;
        try {
            now = rowCounts(c);
        } catch (SQLException e) {
            throw damaged(file, "opened for writing, its tables cannot be read (" + firstLine(e) + ")");
        }
        for (Map.Entry<String, Long> table : probed.entrySet()) {
            long after = now.getOrDefault(table.getKey(), 0L);
            if (after < table.getValue()) {
                throw damaged(
                        file,
                        "opened for writing, H2 fell back to an older state of it (" + table.getKey() + ": " + after
                                + " rows instead of " + table.getValue() + ")");
            }
        }
    }

    private StoreInspector() {}

    /**
     * Opens an existing H2 store read-only and reads its schema history, its small tables in full and the number of
     * metric points; refuses (a {@link StoreException} saying how to recover) a file H2 cannot read or that holds no
     * Estimator4J schema. Never retried: damage does not heal by waiting.
     */
    static Probe probe(H2StoreFile file) {
        return probe(file, new LinkedHashMap<>());
    }

    /** {@link #probe(H2StoreFile)}, filling {@code counts} with the {@link #rowCounts} it saw when healthy. */
    static Probe probe(H2StoreFile file, Map<String, Long> counts) {
        try (Connection c = DriverManager.getConnection(file.readOnlyUrl())) {
            if (!hasTable(c, HISTORY_TABLE)) {
                throw damaged(
                        file,
                        "it holds no Estimator4J schema (no " + HISTORY_TABLE + " table): it is not an "
                                + "experiment store, or H2 lost its tables");
            }
            // Every row of a store up to FULL_READ_BYTES (a second or so); beyond, the metric points only counted.
            boolean everyRow = java.nio.file.Files.size(file.dataFile()) <= FULL_READ_BYTES;
            for (String table : TABLES) {
                readAll(c, table, everyRow || !table.equals("metrics"));
            }
            String lost = lostTail(file.dataFile());
            if (lost != null) {
                throw damaged(file, lost);
            }
            counts.putAll(rowCounts(c));
            return Probe.HEALTHY;
        } catch (SQLException e) {
            // In use by another process only when its lock file is there: H2 also says "already in use" in a JVM
            // where an earlier open of the damaged file failed halfway.
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 && java.nio.file.Files.exists(file.lockFile())) {
                return Probe.IN_USE;
            }
            throw damaged(file, "H2 cannot read it (" + firstLine(e) + ")");
        } catch (java.io.IOException e) {
            throw damaged(file, "it cannot be read (" + e + ")");
        }
    }

    /**
     * Whether the file lost the newest chunk its header names (a truncated or overwritten tail), which H2's read-only
     * mode hides by falling back to an older chunk: the runs recorded since then would silently be gone, and the
     * next write would make that final. Only a cleanly closed file ({@code clean:1}) names its newest chunk for
     * sure; for others only the chunk's start is checked. Returns the problem, or null.
     */
    static String lostTail(Path dataFile) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dataFile)) {
            long size = ch.size();
            Map<String, String> header = headerFields(ch, 0);
            if (!"2".equals(header.get("H")) || !header.containsKey("block") || !header.containsKey("blockSize")) {
                return null; // not a format this check knows: H2 decides
            }
            long blockSize = Long.parseLong(header.get("blockSize"), 16);
            long block = Long.parseLong(header.get("block"), 16);
            long start = block * blockSize;
            if (start >= size) {
                return "the file ends at byte " + size + ", before its newest chunk at byte " + start
                        + " (it was truncated)";
            }
            if (!"1".equals(header.get("clean"))) {
                return null;
            }
            Map<String, String> chunk = headerFields(ch, start);
            if (!header.get("chunk").equals(chunk.get("chunk")) || !chunk.containsKey("len")) {
                return "its newest chunk at byte " + start + " is overwritten";
            }
            long end = (block + Long.parseLong(chunk.get("len"), 16)) * blockSize;
            if (end > size) {
                return "the file ends at byte " + size + ", before the end of its newest chunk at byte " + end
                        + " (it was truncated)";
            }
            // The chunk's footer (its last 128 bytes) repeats its id and length: a chunk whose start survived but
            // whose end was overwritten would otherwise be passed over by H2 for an older one, runs lost unseen.
            Map<String, String> footer = headerFields(ch, end - CHUNK_FOOTER_BYTES);
            if (!header.get("chunk").equals(footer.get("chunk"))
                    || !chunk.get("len").equals(footer.get("len"))) {
                return "the end of its newest chunk, at byte " + (end - CHUNK_FOOTER_BYTES) + ", is overwritten";
            }
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return "its header cannot be read (" + e.getMessage() + ")";
        }
    }

    /** The length of the footer H2 (MVStore format 2 and 3) writes at the end of every chunk. */
    private static final int CHUNK_FOOTER_BYTES = 128;

    /** The {@code key:value,...} text H2 writes at the start of its file header and of each chunk. */
    private static Map<String, String> headerFields(java.nio.channels.FileChannel ch, long position)
            throws java.io.IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1024);
        ch.read(buffer, position);
        String text = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = 0;
        while (end < text.length() && text.charAt(end) >= ' ' && text.charAt(end) < 127) {
            end++;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.substring(0, end).split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                fields.put(pair.substring(0, colon), pair.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** Every table counted and every row read, through {@code c}; problems are collected, not thrown. */
    static StoreCheck check(Connection c, String location, String recovery) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int version = 0;
        try {
            if (!hasTable(c, HISTORY_TABLE)) {
                problems.add("no " + HISTORY_TABLE + " table: not an Estimator4J store, or its tables were lost");
            } else {
                version = schemaVersion(c);
            }
        } catch (SQLException e) {
            problems.add("cannot read the schema history: " + firstLine(e));
        }
        List<String> missing = new ArrayList<>();
        for (String table : TABLES) {
            try {
                if (hasTable(c, table)) {
                    counts.put(table, readAll(c, table, true));
                } else {
                    missing.add(table);
                }
            } catch (SQLException e) {
                problems.add("table " + table + ": " + firstLine(e));
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing tables: " + String.join(", ", missing));
        }
        return new StoreCheck(location, version, counts, problems, problems.isEmpty() ? null : recovery);
    }

    /** {@link #check(Connection, String, String)} of an H2 file, plus its {@link #lostTail}. */
    static StoreCheck check(Connection c, H2StoreFile file) {
        StoreCheck check = check(c, file.dataFile().toString(), recovery(file));
        String lost = lostTail(file.dataFile());
        if (lost == null) {
            return check;
        }
        List<String> problems = new ArrayList<>(check.problems());
        problems.add(0, lost);
        return new StoreCheck(check.location(), check.schemaVersion(), check.rowCounts(), problems, recovery(file));
    }

    /** The highest successfully applied migration's major version. */
    static int schemaVersion(Connection c) throws SQLException {
        int version = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"success\"")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null) {
                    version = Math.max(version, Integer.parseInt(v.split("\\.")[0]));
                }
            }
        }
        return version;
    }

    /** Whether the table is there, by its name as the schema creates it (unquoted: H2 folds it to upper case). */
    static boolean hasTable(Connection c, String table) throws SQLException {
        String name = table.equals(HISTORY_TABLE) ? table : table.toUpperCase(java.util.Locale.ROOT);
        for (String candidate : new String[] {name, table}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reads every row (and every column of it) when {@code everyRow}, else only counts; returns the row count. */
    private static long readAll(Connection c, String table, boolean everyRow) throws SQLException {
        String sql = everyRow ? "SELECT * FROM " + table : "SELECT COUNT(*) FROM " + table;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                if (!everyRow) {
                    rs.next();
                    return rs.getLong(1);
                }
                int columns = rs.getMetaData().getColumnCount();
                long rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
                return rows;
            }
        }
    }

    private static StoreException damaged(H2StoreFile file, String why) {
        return new StoreException(
                "the experiment store " + file.dataFile() + " is damaged: " + why,
                "nothing was written to it. " + recovery(file));
    }

    /** How to get a damaged H2 store's data back, as one sentence. */
    static String recovery(H2StoreFile file) {
        Path data = file.dataFile();
        String name = file.base().getFileName().toString();
        return "Keep a copy of the file, then restore a backup (e4j store backup makes one), or recover what H2 can "
                + "read: java -cp " + h2Jar() + " org.h2.tools.Recover -dir " + data.getParent() + " -db " + name
                + " (writes " + name + ".h2.sql, to load with org.h2.tools.RunScript into a new store); or move the "
                + "file away to start a new store";
    }

    /** Where H2's classes are (its jar, or the e4j jar that contains it), for the recovery command. */
    private static String h2Jar() {
        try {
            return Path.of(org.h2.Driver.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (Exception e) {
            return "h2.jar";
        }
    }

    /** H2's message without the SQL it quotes on the next lines. */
    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip().replaceFirst(";? ?SQL statement:$", "");
    }
}
