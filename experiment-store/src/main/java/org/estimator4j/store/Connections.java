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
                if (dialect != Dialect.H2 || !StoreLocation.isH2File(url) || isPermanent(e)
                        || System.nanoTime() - giveUp > 0) {
                    throw e;
                }
                long millis = Math.min(1_000, 20L * attempt) + ThreadLocalRandom.current().nextLong(50);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
            }
        }
    }

    /** Bad credentials (28), syntax or schema errors (42) and constraint violations (23) stay what they are. */
    static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("28") || state.startsWith("42"));
    }

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
