package org.estimator4j.api.data;

import java.util.Optional;
import org.estimator4j.api.Estimator4jException;

/**
 * Input that cannot be read as declared: names the file, line and column (1-based), the offending text and what was
 * expected, so the message alone tells the user where to look, e.g.
 * {@code adult.data:17:3: cannot read 'abc' as int64 for column 'fnlwgt'}.
 *
 * @since 0.1.0
 */
public class DataFormatException extends Estimator4jException {
    private final String source;
    private final long line;
    private final int column;

    public DataFormatException(String source, long line, int column, String message) {
        this(source, line, column, message, null);
    }

    public DataFormatException(String source, long line, int column, String message, Throwable cause) {
        super(location(source, line, column) + ": " + message, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String location(String source, long line, int column) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }

    /** The file (or other source) the bad input came from. */
    public String source() {
        return source;
    }

    /** 1-based line, or empty when unknown. */
    public Optional<Long> line() {
        return line > 0 ? Optional.of(line) : Optional.empty();
    }

    /** 1-based column (field position), or empty when the whole row is at fault. */
    public Optional<Integer> column() {
        return column > 0 ? Optional.of(column) : Optional.empty();
    }
}
