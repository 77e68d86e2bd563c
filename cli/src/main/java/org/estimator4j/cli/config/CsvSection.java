package org.estimator4j.cli.config;

import java.util.List;
import java.util.Map;

/**
 * {@code data.train} / {@code data.eval}: the CSV format keys of one split, each inherited from {@code data} when
 * absent ({@link #over}).
 */
record CsvSection(
        Boolean header,
        List<String> columnNames,
        Map<String, String> columnTypes,
        String delimiter,
        String quote,
        List<String> naTokens,
        Boolean trimWhitespace,
        Integer skipLines,
        Integer parsingThreads) {

    CsvSection {
        skipLines = ConfigBinder.atLeast("skip_lines", skipLines, null, 0, "use 0 or more lines");
        parsingThreads = ConfigBinder.atLeast("parsing_threads", parsingThreads, null, 1, "use 1 or more threads");
        CsvFormat.character("delimiter", delimiter);
        CsvFormat.character("quote", quote);
        CsvFormat.types(columnTypes);
    }

    /** These keys, each absent one taken from {@code inherited}. */
    CsvSection over(CsvSection inherited) {
        return new CsvSection(
                or(header, inherited.header),
                or(columnNames, inherited.columnNames),
                or(columnTypes, inherited.columnTypes),
                or(delimiter, inherited.delimiter),
                or(quote, inherited.quote),
                or(naTokens, inherited.naTokens),
                or(trimWhitespace, inherited.trimWhitespace),
                or(skipLines, inherited.skipLines),
                or(parsingThreads, inherited.parsingThreads));
    }

    private static <T> T or(T value, T inherited) {
        return value != null ? value : inherited;
    }

    /** The format these keys describe (every key given: see {@link #over}). */
    CsvFormat format() {
        return new CsvFormat(
                header,
                columnNames,
                CsvFormat.types(columnTypes),
                delimiter.charAt(0),
                quote.charAt(0),
                naTokens,
                trimWhitespace,
                skipLines,
                parsingThreads);
    }
}
