package org.estimator4j.api.internal;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where every Estimator4J library module gets its loggers: SLF4J, whose provider is the application's choice (the
 * library modules ship none; the {@code e4j} CLI ships its own). Training progress is logged at DEBUG, warnings at
 * WARN, so an application logging at INFO sees only what needs its attention.
 *
 * <p>An application with no SLF4J provider at all has chosen not to log, but SLF4J's first {@code getLogger} would
 * still print a three-line "No SLF4J providers were found" notice on stderr. So without a provider on the class path
 * (and no {@code slf4j.provider} property naming one) the library never asks {@link LoggerFactory} for a logger and
 * logs nowhere.
 */
public final class Logs {
    private static final boolean PROVIDED = providerPresent();

    private Logs() {}

    /** The logger named after {@code owner}, or one that discards everything when SLF4J has no provider. */
    public static Logger get(Class<?> owner) {
        return PROVIDED ? LoggerFactory.getLogger(owner) : NOPLogger.NOP_LOGGER;
    }

    /** What SLF4J itself looks for: providers registered for its own class loader, or one named explicitly. */
    private static boolean providerPresent() {
        if (System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) != null) {
            return true;
        }
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                    .iterator()
                    .hasNext();
        } catch (ServiceConfigurationError e) {
            return true; // a broken provider registration: let SLF4J report it
        }
    }
}
