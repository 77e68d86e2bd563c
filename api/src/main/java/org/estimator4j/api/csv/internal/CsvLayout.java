package org.estimator4j.api.csv.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.estimator4j.api.csv.CsvOptions;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;

/**
 * What the files look like: their column names, which of them are kept, and each kept column's type, declared or
 * inferred from the first rows of the first file. Computed once, when the dataset is created, so that a wrong path or
 * name fails at once rather than mid-training.
 */
final class CsvLayout {
    final CsvOptions options;
    final List<String> fileColumns;
    /** The header as written in the first file, or null without a header. */
    final List<String> header;

    final Schema schema;
    /** For each file column, its index in the schema, or -1 when it is not selected. */
    final int[] fieldMap;

    final DType[] types;
    final boolean[] inferred;
    final char[][] naTokens;
    private final int maxNaLength;
    final String inferenceSource;

    private CsvLayout(
            CsvOptions options,
            List<String> fileColumns,
            List<String> header,
            Schema schema,
            int[] fieldMap,
            boolean[] inferred,
            String inferenceSource) {
        this.options = options;
        this.fileColumns = fileColumns;
        this.header = header;
        this.schema = schema;
        this.fieldMap = fieldMap;
        this.types = schema.fields().stream().map(Field::dtype).toArray(DType[]::new);
        this.inferred = inferred;
        this.naTokens = options.naTokens().stream().map(String::toCharArray).toArray(char[][]::new);
        this.maxNaLength =
                options.naTokens().stream().mapToInt(String::length).max().orElse(-1);
        this.inferenceSource = inferenceSource;
    }

    static CsvReader.CsvReaderBuilder readerBuilder(CsvOptions options) {
        return CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter(options.quote())
                .skipEmptyLines(true)
                .detectBomHeader(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .trimWhitespacesAroundQuotes(options.trimWhitespace());
    }

    static CsvLayout resolve(CsvOptions options, Path first) {
        List<String> header = null;
        List<List<String>> sample = new ArrayList<>();
        try (InputStream in = CsvFiles.open(first);
                CsvReader<CsvRecord> reader = readerBuilder(options).ofCsvRecord(in)) {
            reader.skipLines(options.skipLines());
            var it = reader.iterator();
            if (options.header()) {
                if (!it.hasNext()) {
                    throw new DataFormatException(
                            first.toString(),
                            options.skipLines() + 1,
                            0,
                            "the file is empty, but a header line was expected");
                }
                header = trimAll(it.next().getFields());
            }
            while (sample.size() < options.inferenceRows() && it.hasNext()) {
                sample.add(it.next().getFields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + first + ": " + e.getMessage(), e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new DataFormatException(first.toString(), 0, 0, e.getMessage(), e);
        }
        List<String> names = options.columnNames() != null ? options.columnNames() : header;
        if (header != null && options.columnNames() != null && header.size() != names.size()) {
            throw new DataFormatException(
                    first.toString(),
                    options.skipLines() + 1,
                    0,
                    "the header has " + header.size() + " columns " + header + " but " + names.size()
                            + " names were declared");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new DataFormatException(
                        first.toString(),
                        options.skipLines() + 1,
                        0,
                        "column name '" + n + "' appears twice; give every column a unique name (a config's "
                                + "column_names, CsvOptions' columnNames)");
            }
        }
        checkNames(options.columnTypes().keySet(), names, "columnType");
        if (options.selectColumns() != null) {
            checkNames(options.selectColumns(), names, "selectColumns");
        }
        checkNames(options.labelColumns(), names, "labelColumns");
        if (options.selectColumns() != null) {
            for (String label : options.labelColumns()) {
                if (!options.selectColumns().contains(label)) {
                    throw new IllegalArgumentException("label column '" + label + "' is not among selectColumns "
                            + options.selectColumns() + "; select it too");
                }
            }
        }

        int[] fieldMap = new int[names.size()];
        List<Field> fields = new ArrayList<>();
        List<Boolean> inferredFlags = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean selected =
                    options.selectColumns() == null || options.selectColumns().contains(name);
            if (!selected) {
                fieldMap[i] = -1;
                continue;
            }
            DType declared = options.columnTypes().get(name);
            DType type = declared != null ? declared : infer(options, sample, i);
            fieldMap[i] = fields.size();
            fields.add(Field.scalar(name, type));
            inferredFlags.add(declared == null);
        }
        boolean[] inferred = new boolean[inferredFlags.size()];
        for (int i = 0; i < inferred.length; i++) {
            inferred[i] = inferredFlags.get(i);
        }
        String source = "the first " + sample.size() + " rows of " + first.getFileName();
        return new CsvLayout(options, List.copyOf(names), header, Schema.of(fields), fieldMap, inferred, source);
    }

    private static void checkNames(java.util.Collection<String> wanted, List<String> names, String option) {
        for (String w : wanted) {
            if (!names.contains(w)) {
                throw new IllegalArgumentException(option + " names column '" + w + "', which the files do not have;"
                        + " their columns are " + names);
            }
        }
    }

    private static List<String> trimAll(List<String> fields) {
        return fields.stream().map(String::strip).toList();
    }

    /** int64 if every present value is an integer, else float32 if every one is a number, else string. */
    private static DType infer(CsvOptions options, List<List<String>> sample, int column) {
        boolean allLong = true;
        boolean allDouble = true;
        boolean any = false;
        for (List<String> row : sample) {
            if (column >= row.size()) {
                continue;
            }
            String v = row.get(column);
            if (options.trimWhitespace()) {
                v = v.strip();
            }
            if (options.naTokens().contains(v)) {
                continue;
            }
            any = true;
            char[] c = v.toCharArray();
            if (allLong && !FieldText.isLong(c, 0, c.length)) {
                allLong = false;
            }
            if (!allLong && !FieldText.isDouble(c, 0, c.length)) {
                allDouble = false;
                break;
            }
        }
        if (!any) {
            return DType.STRING;
        }
        return allLong ? DType.INT64 : allDouble ? DType.FLOAT32 : DType.STRING;
    }

    /** Called for every field: most fields are longer than any token, so the length test settles them. */
    boolean isNa(char[] buf, int off, int len) {
        if (len > maxNaLength) {
            return false;
        }
        for (char[] token : naTokens) {
            if (token.length == len && Arrays.equals(token, 0, len, buf, off, off + len)) {
                return true;
            }
        }
        return false;
    }

    Map<String, DType> typesByName() {
        java.util.LinkedHashMap<String, DType> m = new java.util.LinkedHashMap<>();
        for (Field f : schema.fields()) {
            m.put(f.name(), f.dtype());
        }
        return m;
    }
}
