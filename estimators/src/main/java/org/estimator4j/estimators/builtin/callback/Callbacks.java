package org.estimator4j.estimators.builtin.callback;

/** Parameter checks the built-in callbacks share. */
final class Callbacks {
    private Callbacks() {}

    static int positive(String component, String parameter, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(component + ": " + parameter + " must be > 0, got " + value);
        }
        return value;
    }

    static int nonNegative(String component, String parameter, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(component + ": " + parameter + " must be >= 0, got " + value);
        }
        return value;
    }
}
