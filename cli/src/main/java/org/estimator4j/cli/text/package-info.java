/**
 * How the CLI prints rows: {@link Table}, aligned columns or CSV, and {@link Csv}, the one CSV writer configuration
 * (FastCSV) that tables and {@code e4j predict --format csv} share. The package depends on FastCSV only; the command
 * packages ({@code runs}, {@code plugins}, {@code train}) use it.
 */
package org.estimator4j.cli.text;
