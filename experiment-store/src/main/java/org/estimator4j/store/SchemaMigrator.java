package org.estimator4j.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.estimator4j.api.internal.Logs;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;

/**
 * Brings a store's schema to the version this build knows (the migrations in {@code db/migration}), with Flyway. A
 * new database gets the whole schema; an older one is upgraded in place, automatically (the log says so); a newer
 * one is refused, because this build would not know what its tables mean.
 */
final class SchemaMigrator {
    private static final Logger LOG = Logs.get(SchemaMigrator.class);
    private static final int ATTEMPTS = 6;

    private SchemaMigrator() {}

    /** Migrates the database at {@code url} and returns its schema version. */
    static int migrate(javax.sql.DataSource connections, String url) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(connections)
                .locations("classpath:db/migration")
                .loggers(FlywayLogs.class.getName())
                .load();
        for (int attempt = 1; ; attempt++) {
            try {
                return migrateOnce(flyway, url);
            } catch (FlywayException e) {
                // Processes opening a new store at the same moment race to create the schema history table; the
                // loser fails, and finds the schema there when it tries again.
                if (attempt >= ATTEMPTS || e instanceof SchemaTooNewException) {
                    if (e instanceof SchemaTooNewException tooNew) {
                        throw tooNew.asStoreException();
                    }
                    throw new StoreException(
                            "cannot create or upgrade the schema of the experiment store " + StoreLocation.redact(url)
                                    + ": " + e.getMessage(),
                            "check that you may create " + "tables there",
                            e);
                }
                LOG.debug("schema migration attempt {} failed, retrying: {}", attempt, e.getMessage());
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50, 250) * 1_000_000L * attempt);
            }
        }
    }

    /**
     * The schema version of a store opened read-only, which cannot be migrated: refused unless it is exactly the
     * version this build knows.
     */
    static int verify(javax.sql.DataSource connections, String url) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(connections)
                .locations("classpath:db/migration")
                .loggers(FlywayLogs.class.getName())
                .load();
        try {
            return check(flyway, url, false);
        } catch (SchemaTooNewException e) {
            throw e.asStoreException();
        } catch (FlywayException e) {
            throw new StoreException(
                    "cannot read the schema version of the experiment store " + StoreLocation.redact(url) + ": "
                            + e.getMessage(),
                    "run e4j store check on it",
                    e);
        }
    }

    private static int migrateOnce(Flyway flyway, String url) {
        return check(flyway, url, true);
    }

    private static int check(Flyway flyway, String url, boolean migrate) {
        MigrationInfoService info = flyway.info();
        MigrationVersion known = MigrationVersion.EMPTY;
        for (MigrationInfo m : info.all()) {
            if (m.getState().isResolved()
                    && m.getVersion() != null
                    && m.getVersion().isNewerThan(known.getVersion())) {
                known = m.getVersion();
            }
        }
        MigrationInfo current = info.current();
        MigrationVersion have = current == null ? MigrationVersion.EMPTY : current.getVersion();
        if (current != null && have.isNewerThan(known.getVersion())) {
            throw new SchemaTooNewException("the experiment store " + StoreLocation.redact(url)
                    + " has schema version " + have + ", newer than version " + known + " that this Estimator4J "
                    + "knows: a newer Estimator4J wrote it. Upgrade Estimator4J to use this store (or point --store "
                    + "/ E4J_STORE at another one)");
        }
        if (!migrate) {
            if (current == null || known.isNewerThan(have.getVersion())) {
                throw new StoreException(
                        "the experiment store " + StoreLocation.redact(url) + " has schema version "
                                + (current == null ? "none" : have) + ", older than version " + known + " that this "
                                + "Estimator4J reads, and it is open read-only",
                        "open it once with write access (e4j train, "
                                + "or a reading command where the file is writable) to upgrade it");
            }
            return Integer.parseInt(known.getVersion().split("\\.")[0]);
        }
        if (current == null) {
            LOG.info("creating the experiment store schema (version {}) in {}", known, StoreLocation.redact(url));
        } else if (known.isNewerThan(have.getVersion())) {
            LOG.info(
                    "upgrading the experiment store {} from schema version {} to {}: this happens automatically "
                            + "when a newer Estimator4J opens an older store; older versions cannot open it afterwards",
                    StoreLocation.redact(url),
                    have,
                    known);
        }
        flyway.migrate();
        return Integer.parseInt(known.getVersion().split("\\.")[0]);
    }

    /** A schema newer than this build: not retried, reported as a {@link StoreException}. */
    private static final class SchemaTooNewException extends FlywayException {
        private static final long serialVersionUID = 1L;

        SchemaTooNewException(String message) {
            super(message);
        }

        StoreException asStoreException() {
            return new StoreException(getMessage());
        }
    }
}
