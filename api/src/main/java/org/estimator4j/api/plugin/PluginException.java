package org.estimator4j.api.plugin;

import org.estimator4j.api.Estimator4jException;

/**
 * Plugins cannot be used as asked: a plugins folder that does not exist, two providers of the same name, a config that
 * names an unknown or refused component or gives it bad parameters, a provider that fails to create its component.
 * The message says what is wrong and where (jar, config path) and what to do next, on one line, so a command line can
 * print it as it is.
 *
 * @since 0.1.0
 */
public class PluginException extends Estimator4jException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
