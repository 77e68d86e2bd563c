package org.estimator4j.cli.runs;

/** How the store commands print: aligned columns for people, JSON or CSV for programs. */
public enum OutputFormat {
    table,
    json,
    csv
}
