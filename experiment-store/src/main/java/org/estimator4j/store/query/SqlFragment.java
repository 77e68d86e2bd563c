package org.estimator4j.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values to bind to them, in order. The text comes only from the
 * compiler's fixed templates; everything a user typed is in {@link #parameters()} ({@link String}, {@link Long},
 * {@link Double}).
 */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + parameters.size() + " values");
        }
    }

    /**
     * Binds the parameters from position {@code first} (1-based).
     *
     * @return the position after the last one bound
     */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object p : parameters) {
            bindOne(statement, i++, p);
        }
        return i;
    }

    static void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Integer n) {
            statement.setInt(index, n);
        } else if (value instanceof Double d) {
            statement.setDouble(index, d);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
        }
    }
}
