package org.estimator4j.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;

/**
 * Opens connections to a store, retrying for a while when an H2 file is busy: processes opening one file at the same
 * moment race for its lock ("Lock file recently modified", "Database may be already in use") until one of them
 * serves it, and a process that lost its server (the serving process exited) reconnects while another takes over.
 * Errors a retry cannot fix (bad credentials, SQL state classes 28 and 42) fail at once.
 */
final class Connections implements DataSource {
    /** How long opening a connection is retried. */
    static final long RETRY_SECONDS = 30;

    private final String url;
    private final Dialect dialect;

    Connections(String url, Dialect dialect) {
        this.url = url;
        this.dialect = dialect;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties props = new Properties();
        if (dialect == Dialect.POSTGRESQL) {
            // One multi-row INSERT per batch instead of one round trip per row.
            props.setProperty("reWriteBatchedInserts", "true");
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(url, props);
            } catch (SQLException e) {
                if (dialect != Dialect.H2
                        || !StoreLocation.isH2File(url)
                        || isPermanentAtOpen(e)
                        || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
                long millis = Math.min(1_000, 20L * attempt)
                        + ThreadLocalRandom.current().nextLong(50);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            }
        }
    }

    /** Bad credentials (28), syntax or schema errors (42) and constraint violations (23) stay what they are. */
    static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("28") || state.startsWith("42"));
    }

    /**
     * Opening also gives up at once on an H2 file that is damaged, read-only, of another format or missing: retrying
     * those only waits (30 s) and, for a damaged file, lets every attempt write into it. (Not for writes: H2 reports
     * a server handover mid-write as a general error, which a reconnect fixes.)
     */
    static boolean isPermanentAtOpen(SQLException e) {
        return isPermanent(e) || H2_PERMANENT_AT_OPEN.contains(e.getErrorCode());
    }

    private static final java.util.Set<Integer> H2_PERMANENT_AT_OPEN = java.util.Set.of(
            ErrorCode.FILE_CORRUPTED_1,
            ErrorCode.DATABASE_IS_READ_ONLY,
            ErrorCode.FILE_VERSION_ERROR_1,
            ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1,
            ErrorCode.DATABASE_NOT_FOUND_1,
            ErrorCode.FEATURE_NOT_SUPPORTED_1,
            ErrorCode.UNSUPPORTED_SETTING_1);

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's credentials are part of its URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
