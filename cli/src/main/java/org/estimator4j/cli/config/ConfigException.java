package org.estimator4j.cli.config;

import org.estimator4j.cli.E4jException;

/**
 * An experiment config that cannot be used; the message starts with the JSON path of the problem (or the file's
 * line:column when it does not parse), so the user sees one line saying where and what, never a stack trace.
 */
public class ConfigException extends E4jException {
    private static final String HINT = "fix the config (or the --set) and run again";

    public ConfigException(String message) {
        super(message, HINT);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, HINT, cause);
    }
}
