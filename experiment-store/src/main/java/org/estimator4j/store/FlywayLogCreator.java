package org.estimator4j.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's logging for the store's migrations: SLF4J, as everywhere else, except that Flyway's errors go to DEBUG.
 * Every Flyway failure reaches {@link SchemaMigrator} as an exception, which either retries it (processes opening a
 * new store at once race to create the schema, and the losers' connections may be closed under them: Flyway then
 * printed 69 lines of ERROR stack traces for a run that succeeded) or reports it as the store's one error. So an
 * error logged by Flyway itself is never the last word. Named in Flyway's {@code loggers} setting, so Flyway
 * instantiates it: public, with a public no-argument constructor; not meant for other use.
 */
public final class FlywayLogCreator implements LogCreator {
    public FlywayLogCreator() {}

    @Override
    public Log createLogger(Class<?> clazz) {
        return new QuietErrors(LoggerFactory.getLogger(clazz));
    }

    private record QuietErrors(Logger log) implements Log {
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
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message) {
            log.debug(message);
        }

        @Override
        public void error(String message, Exception e) {
            log.debug(message + ": " + e);
        }

        @Override
        public void notice(String message) {
            log.info(message);
        }
    }
}
