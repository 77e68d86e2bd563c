package org.estimator4j.cli.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.table.DType;

/**
 * How a set of CSV files is written: header or declared column names, types, delimiter, quote, NA tokens, trimming,
 * lines to skip, parsing threads. {@code data.*} gives the format of every file; {@code data.train.*} and
 * {@code data.eval.*} override single keys for one split (a train file with a header beside an eval file without
 * one), each key inherited from {@code data.*} when absent.
 */
record CsvFormat(
        boolean header,
        List<String> columnNames,
        Map<String, DType> columnTypes,
        char delimiter,
        char quote,
        List<String> naTokens,
        boolean trimWhitespace,
        int skipLines,
        int parsingThreads) {

    /** CsvOptions' defaults: a header line, comma, double quote, the empty string as NA, one parsing thread. */
    static final CsvSection DEFAULTS = new CsvSection(true, null, Map.of(), ",", "\"", List.of(""), false, 0, 1);

    CsvFormat {
        columnNames = columnNames == null ? null : List.copyOf(columnNames);
        columnTypes = Map.copyOf(columnTypes);
        naTokens = List.copyOf(naTokens);
    }

    /**
     * Refuses a format CsvOptions would refuse only when the files are first read (for eval files, after training):
     * no header line and no declared column names. {@code path} is the section that sets the header.
     */
    void check(String path) {
        if (!header && columnNames == null) {
            throw new ConfigException(path + ".header: false needs the column names; give " + path
                    + ".column_names (or data.column_names for every file)");
        }
    }

    /** CSV options for {@code files}; {@code label} (or null for unlabelled input) becomes the label column. */
    CsvOptions options(List<Path> files, String label) {
        CsvOptions.Builder b = CsvOptions.builder()
                .files(files)
                .header(header)
                .delimiter(delimiter)
                .quote(quote)
                .naTokens(naTokens.toArray(String[]::new))
                .trimWhitespace(trimWhitespace)
                .skipLines(skipLines)
                .parallelism(parsingThreads);
        if (label != null) {
            b.labelColumns(label);
        }
        if (columnNames != null) {
            b.columnNames(columnNames);
        }
        columnTypes.forEach(b::columnType);
        return b.build();
    }

    /** {@code "column_types": {"age": "int64"}} as types (null: none). */
    static Map<String, DType> types(Map<String, String> types) {
        Map<String, DType> out = new LinkedHashMap<>();
        if (types != null) {
            types.forEach((column, type) -> {
                try {
                    out.put(column, DType.valueOf(type.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    throw ConfigBinder.Problem.at(
                            "column_types." + column,
                            "unknown type \"" + type + "\"; use float32, float64, int64 or string");
                }
            });
        }
        return out;
    }

    /** One character, e.g. {@code "delimiter": ";"} or {@code "\t"} (null: absent). */
    static void character(String key, String value) {
        if (value != null && value.length() != 1) {
            throw ConfigBinder.Problem.notAllowed(key, "use a single character, e.g. \",\" or \"\\t\"");
        }
    }
}
