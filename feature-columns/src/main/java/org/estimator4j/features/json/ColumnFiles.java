package org.estimator4j.features.json;

import java.nio.file.Path;

/**
 * Where the files a column's JSON names ({@code vocabulary_file}) are read from. TensorFlow reads them relative to the
 * working directory; an experiment config reads them relative to the config file, and a served bundle only from
 * inside the bundle, whatever the serving process's working directory.
 */
@FunctionalInterface
public interface ColumnFiles {
    /**
     * The file to read for {@code file} as written in the JSON.
     *
     * @param jsonPath where the path is written (e.g. {@code columns[2].config.vocabulary_file}), for messages
     * @throws RuntimeException when the path is not acceptable here; the message should name it and what to do
     */
    Path locate(String file, String jsonPath);

    /** TensorFlow's rule: relative paths are relative to the working directory. */
    static ColumnFiles workingDirectory() {
        return (file, jsonPath) -> Path.of(file);
    }

    /** Relative paths are relative to {@code dir} (absolute paths stay as they are). */
    static ColumnFiles relativeTo(Path dir) {
        Path base = dir.toAbsolutePath();
        return (file, jsonPath) -> base.resolve(file).normalize();
    }
}
