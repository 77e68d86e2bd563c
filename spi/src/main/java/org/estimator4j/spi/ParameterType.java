package org.estimator4j.spi;

/**
 * The type of a component parameter, as configs write it (JSON numbers, strings, booleans and lists of them).
 *
 * @since SPI 1
 */
public enum ParameterType {
    INT,
    DOUBLE,
    BOOLEAN,
    STRING,
    INT_LIST,
    DOUBLE_LIST,
    STRING_LIST
}
