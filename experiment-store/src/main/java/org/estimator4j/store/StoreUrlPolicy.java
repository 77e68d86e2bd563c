package org.estimator4j.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which store URLs may reach JDBC. A store URL often comes from a file someone else wrote (a shared config's
 * {@code store}, {@code E4J_STORE} in a shared shell profile), and JDBC URLs are programs: H2's {@code INIT} runs SQL
 * (and through {@code CREATE ALIAS}, Java) as the user, {@code TRACE_LEVEL_FILE}/{@code TRACE_FILE} write files, H2's
 * file-system prefixes ({@code zip:}, {@code split:}, ...) and PostgreSQL's {@code socketFactory} or
 * {@code sslfactory} load classes. So settings are allow-listed, not block-listed: a URL passes only when it is an
 * embedded H2 database ({@code jdbc:h2:file:}, a path, or {@code jdbc:h2:mem:}) or a PostgreSQL server and every
 * setting it carries is one of {@link #H2_SETTINGS} / {@link #POSTGRES_SETTINGS}. Everything else is refused with a
 * message naming the setting. Remote H2 ({@code tcp:}, {@code ssl:}) is refused too: its server decides what runs.
 */
final class StoreUrlPolicy {
    /** H2 settings that only tune compatibility, sharing, locking or credentials. */
    static final Set<String> H2_SETTINGS = Set.of(
            "AUTO_SERVER",
            "AUTO_SERVER_PORT",
            "MODE",
            "DATABASE_TO_LOWER",
            "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS",
            "DEFAULT_NULL_ORDERING",
            "MAX_COMPACT_TIME",
            "LOCK_TIMEOUT",
            "IFEXISTS",
            "ACCESS_MODE_DATA",
            "DB_CLOSE_DELAY",
            "USER",
            "PASSWORD");
    /** PostgreSQL driver properties for credentials, TLS, timeouts and the schema; matched ignoring case. */
    static final Set<String> POSTGRES_SETTINGS = Set.of(
            "user",
            "password",
            "ssl",
            "sslmode",
            "sslrootcert",
            "sslcert",
            "sslkey",
            "currentschema",
            "applicationname",
            "connecttimeout",
            "sockettimeout",
            "logintimeout",
            "targetservertype",
            "tcpkeepalive",
            "rewritebatchedinserts");

    /** A value H2 reads as a plain word or number (no quotes, no SQL, no escapes). */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.+-]*");
    /** {@code zip:}, {@code split:}, {@code nio:}, ... at the start of an H2 path (one letter is a Windows drive). */
    private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:.*", Pattern.DOTALL);

    private StoreUrlPolicy() {}

    /** Refuses a plain store path H2 would read settings out of. */
    static void checkPath(String path) {
        if (path.indexOf(';') >= 0) {
            throw new StoreException(
                    "the store path '" + path + "' contains ';', after which H2 would read " + "database settings",
                    "use a path without ';'");
        }
    }

    /** Refuses a JDBC URL that is not an allowed store URL, naming what is not allowed. */
    static void check(String url) {
        if (url.startsWith("jdbc:h2:")) {
            checkH2(url);
        } else if (url.startsWith("jdbc:postgresql:")) {
            checkPostgres(url);
        } else {
            Dialect.of(url); // names the URLs that work
        }
    }

    private static void checkH2(String url) {
        String[] parts = url.substring("jdbc:h2:".length()).split(";", -1);
        String database = parts[0];
        if (database.startsWith("mem:")) {
            // in-memory: nothing on disk, nothing remote
        } else if (database.startsWith("tcp:") || database.startsWith("ssl:")) {
            throw refused(
                    url,
                    "connects to a remote H2 server (" + database.substring(0, database.indexOf(':') + 1) + ")",
                    "use jdbc:postgresql:// for a shared server store, or a path / jdbc:h2:file: for a file");
        } else {
            String path = database.startsWith("file:") ? database.substring("file:".length()) : database;
            if (FILE_SYSTEM_PREFIX.matcher(path).matches()) {
                throw refused(
                        url,
                        "uses H2's '" + path.substring(0, path.indexOf(':') + 1) + "' file system",
                        "use a plain path or jdbc:h2:file:/path/to/store");
            }
        }
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i];
            if (setting.isBlank()) {
                continue;
            }
            int eq = setting.indexOf('=');
            String key = (eq < 0 ? setting : setting.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!H2_SETTINGS.contains(key)) {
                throw refusedSetting(url, key, new TreeSet<>(H2_SETTINGS), "H2");
            }
            String value = eq < 0 ? "" : setting.substring(eq + 1);
            // H2 reads '\' as an escape (so "\;" hides a ';'); passwords may hold anything else.
            boolean ok = key.equals("PASSWORD") || key.equals("USER")
                    ? value.indexOf('\\') < 0
                    : PLAIN_VALUE.matcher(value).matches();
            if (!ok) {
                throw refused(
                        url,
                        "has the setting " + key + " with the value '" + value + "', which is not a "
                                + "plain word or number",
                        "write it as " + key + "=VALUE with letters, digits, '.' or '-'");
            }
        }
    }

    private static void checkPostgres(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String raw = eq < 0 ? pair : pair.substring(0, eq);
            String key = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            if (!key.equals(raw) || !POSTGRES_SETTINGS.contains(key.toLowerCase(Locale.ROOT))) {
                throw refusedSetting(url, key, new TreeSet<>(POSTGRES_SETTINGS), "PostgreSQL");
            }
        }
    }

    private static StoreException refusedSetting(String url, String key, Set<String> allowed, String database) {
        return refused(
                url,
                "has the setting " + key + ", which is not allowed (settings that run SQL or code, "
                        + "load classes or write files are refused)",
                "remove " + key + " from the store URL; allowed " + database + " settings: "
                        + String.join(", ", allowed));
    }

    private static StoreException refused(String url, String what, String todo) {
        return new StoreException("the store URL " + StoreLocation.redact(url) + " " + what, todo);
    }
}
