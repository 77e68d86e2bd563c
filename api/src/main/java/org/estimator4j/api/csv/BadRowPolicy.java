package org.estimator4j.api.csv;

/**
 * What a CSV pass does with a row it cannot read as declared.
 *
 * @since 0.1.0
 */
public enum BadRowPolicy {
    /** Stop with a {@link org.estimator4j.api.data.DataFormatException} naming file, line, column and text. */
    FAIL,
    /** Leave the row out, count it, and report the count (and the first errors) at the end of every pass. */
    SKIP
}
