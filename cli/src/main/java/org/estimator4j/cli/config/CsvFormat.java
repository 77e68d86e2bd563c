package org.estimator4j.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
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
record CsvFormat(boolean header, List<String> columnNames, Map<String, DType> columnTypes, char delimiter,
        char quote, List<String> naTokens, boolean trimWhitespace, int skipLines, int parsingThreads) {

    /** The keys a format section may hold, for the per-split sections' documentation and checks. */
    static final List<String> KEYS = List.of("header", "column_names", "column_types", "delimiter", "quote",
            "na_tokens", "trim_whitespace", "skip_lines", "parsing_threads");

    /** CsvOptions' defaults: a header line, comma, double quote, the empty string as NA, one parsing thread. */
    static final CsvFormat DEFAULTS = new CsvFormat(true, null, Map.of(), ',', '"', List.of(""), false, 0, 1);

    CsvFormat {
        columnNames = columnNames == null ? null : List.copyOf(columnNames);
        columnTypes = Map.copyOf(columnTypes);
        naTokens = List.copyOf(naTokens);
    }

    /** The format keys of {@code node}; a key it does not hold keeps {@code inherited}'s value. */
    static CsvFormat read(ConfigNode node, CsvFormat inherited) {
        Map<String, DType> types = inherited.columnTypes;
        JsonNode t = node.raw("column_types");
        if (t != null && !t.isNull()) {
            types = columnTypes(t, node.path() + ".column_types");
        }
        return new CsvFormat(node.bool("header", inherited.header),
                node.strings("column_names", inherited.columnNames), types,
                character(node, "delimiter", inherited.delimiter), character(node, "quote", inherited.quote),
                node.strings("na_tokens", inherited.naTokens), node.bool("trim_whitespace", inherited.trimWhitespace),
                node.intAtLeast("skip_lines", inherited.skipLines, 0, "use 0 or more lines"),
                node.intAtLeast("parsing_threads", inherited.parsingThreads, 1, "use 1 or more threads"));
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
        CsvOptions.Builder b = CsvOptions.builder().files(files).header(header).delimiter(delimiter).quote(quote)
                .naTokens(naTokens.toArray(String[]::new)).trimWhitespace(trimWhitespace).skipLines(skipLines)
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

    private static Map<String, DType> columnTypes(JsonNode types, String path) {
        if (!types.isObject()) {
            throw new ConfigException(path + ": expected an object of column name to type");
        }
        Map<String, DType> out = new LinkedHashMap<>();
        types.fields().forEachRemaining(e -> {
            try {
                out.put(e.getKey(), DType.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(path + "." + e.getKey() + ": unknown type " + e.getValue()
                        + "; use float32, float64, int64 or string");
            }
        });
        return out;
    }

    /** One character, e.g. {@code "delimiter": ";"} or {@code "\t"}. */
    private static char character(ConfigNode node, String key, char fallback) {
        String s = node.string(key, null);
        if (s == null) {
            node.effective(key, com.fasterxml.jackson.databind.node.TextNode.valueOf(String.valueOf(fallback)));
            return fallback;
        }
        if (s.length() != 1) {
            throw node.notAllowed(key, "\"" + s + "\"", "use a single character, e.g. \",\" or \"\\t\"");
        }
        return s.charAt(0);
    }
}
