package org.estimator4j.store;

/** The databases a store runs on. The schema is portable SQL; the few differences are decided here. */
public enum Dialect {
    H2,
    POSTGRESQL;

    /** The dialect of a JDBC URL, or an error naming the URLs that work. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new StoreException("unsupported store URL '" + jdbcUrl + "': use jdbc:h2:file:/path/to/store, "
                + "jdbc:postgresql://host:port/db?user=...&password=..., or a plain path for an H2 file");
    }
}
