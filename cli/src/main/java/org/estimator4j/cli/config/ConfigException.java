package org.estimator4j.cli.config;

/** An experiment config that cannot be used; the message starts with the JSON path of the problem. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
