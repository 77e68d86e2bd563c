package org.estimator4j.store;

import org.estimator4j.api.internal.Logs;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;

/**
 * Flyway's log, through the library's SLF4J loggers ({@link Logs}) under Flyway's own class names. Left to itself,
 * Flyway picks java.util.logging when SLF4J has no provider, and an application embedding the store gets a dozen
 * lines of Flyway narration on stderr for every new store. Here Flyway's step-by-step INFO and its notices are DEBUG
 * (the store logs the one line that matters, that it creates or upgrades a schema), and its advice that the H2 in use
 * is newer than the one it was tested with is DEBUG too: this build pins that H2 and its store tests run on it.
 * Warnings stay warnings. Flyway's errors are DEBUG too: every Flyway failure reaches {@link SchemaMigrator} as an
 * exception, which either retries it (processes opening a new store at once race to create the schema, and Flyway
 * printed 69 lines of ERROR stack traces for a run that then succeeded) or reports it as the store's one error, so an
 * error Flyway logs itself is never the last word.
 *
 * <p>Public with a no-argument constructor only because Flyway instantiates it by class name
 * ({@code loggers(FlywayLogs.class.getName())}).
 */
public final class FlywayLogs implements LogCreator {
    @Override
    public Log createLogger(Class<?> owner) {
        Logger log = Logs.get(owner);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }

            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                if (message.startsWith("Flyway upgrade recommended")) {
                    log.debug(message);
                } else {
                    log.warn(message);
                }
            }

            @Override
            public void error(String message) {
                log.debug(message);
            }

            @Override
            public void error(String message, Exception e) {
                log.debug(message, e);
            }

            @Override
            public void notice(String message) {
                log.debug(message);
            }
        };
    }
}
