package org.estimator4j.features.json;

import org.estimator4j.features.FeatureColumnException;

/**
 * A column configuration that cannot be read or written. The message starts with the JSON path of the offending value
 * (e.g. {@code columns[2].config.categorical_column.config.key}) and says what is wrong and what is expected.
 */
public class FeatureColumnJsonException extends FeatureColumnException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public FeatureColumnJsonException(String path, String message) {
        super(path == null ? message : path + ": " + message);
        this.path = path;
    }

    public FeatureColumnJsonException(String path, String message, Throwable cause) {
        super(path == null ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** {@code e} with the file it came from in front: "cols.json: columns[2].config: ...". */
    FeatureColumnJsonException(String file, FeatureColumnJsonException e) {
        super(file + ": " + e.getMessage(), e);
        this.path = e.path;
    }

    /** The JSON path of the value at fault, or null when the problem is not in one value (e.g. a file error). */
    public String path() {
        return path;
    }
}
