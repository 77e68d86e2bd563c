package org.estimator4j.cli.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.estimator4j.api.data.DataFormatException;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.json.JsonLinesOptions;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.Example;
import org.estimator4j.cli.E4jException;
import org.estimator4j.features.CategoricalColumn;
import org.estimator4j.features.DenseColumn;
import org.estimator4j.features.EmbeddingColumn;
import org.estimator4j.features.FeatureColumn;
import org.estimator4j.features.FeatureColumnException;
import org.estimator4j.features.SharedEmbeddingColumn;
import org.estimator4j.features.SparseIds;
import org.estimator4j.features.WeightedCategoricalColumn;
import org.estimator4j.features.json.FeatureColumnJson;
import org.estimator4j.features.transform.EmbeddingTables;
import org.estimator4j.features.transform.FeatureTransformer;
import org.estimator4j.features.transform.TransformContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j features inspect --columns COLUMNS.json --input ROWS.jsonl}: runs feature columns (a JSON array in
 * TensorFlow's serialized shape) over raw rows (JSON lines; a list value is a multivalent feature, types are
 * inferred) and prints, per row and column in name order, what a model would get: the sparse ids (and weights) of
 * categorical columns and the dense values of dense ones (numeric, bucketized, indicator, embedding). A bucketized
 * column is both, so it shows both. Embedding tables are not trained here: they hold TensorFlow's initial values
 * (truncated normal), drawn from {@code --seed}.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "Run feature columns over raw JSON-lines rows and print each row's ids, weights and dense values.")
public final class InspectFeaturesCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        table,
        json
    }

    private static final int BATCH_SIZE = 1024;
    /** Dense vectors wider than this print only their non-zero entries when most entries are zero. */
    private static final int WIDE = 16;

    private static final Pattern ROW = Pattern.compile("\\brow (\\d+)\\b");

    @Option(
            names = "--columns",
            required = true,
            paramLabel = "COLUMNS.json",
            description = "Feature columns: a JSON array of {\"class_name\": ..., \"config\": {...}} objects, as "
                    + "TensorFlow serializes them.")
    Path columnsFile;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "ROWS.jsonl",
            description = "Raw rows, one JSON object per line; a list value is a multivalent feature. Types are "
                    + "inferred.")
    Path input;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FORMAT",
            description = "table (readable, the default) or json (one JSON object per row).")
    Format format;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "N",
            description = "Seed of the embedding tables' random initial values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** One column's output for a batch: ids (categorical columns) and/or dense values. */
    private record Output(FeatureColumn column, SparseIds ids, float[] dense, int width) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<FeatureColumn> columns = readColumns();
        EmbeddingTables tables = new EmbeddingTables(seed);
        ObjectMapper json = new ObjectMapper();
        long row = 0;
        try (Dataset<Example> rows =
                Dataset.fromJsonLines(JsonLinesOptions.builder().file(input).build())) {
            for (Batch batch : rows.batch(BATCH_SIZE, false, Batch::of)) {
                List<Output> outputs = transform(columns, batch, tables, row);
                if (row == 0 && format == Format.table) {
                    header(out, columns);
                }
                for (int r = 0; r < batch.numRows(); r++, row++) {
                    if (format == Format.table) {
                        table(out, outputs, r, row);
                    } else {
                        out.println(json.writeValueAsString(jsonRow(json, outputs, r, row)));
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new E4jException(e.getMessage(), "fix that line of " + input);
        } catch (FeatureColumnException e) {
            throw new E4jException(e.getMessage(), "fix the column configs in " + columnsFile);
        } catch (UncheckedIOException e) {
            throw new E4jException("cannot read --input " + e.getCause().getMessage(), "check the --input path");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e); // writing a tree of plain values does not fail
        }
        if (row == 0 && format == Format.table) {
            out.println("no rows in " + input);
        }
        out.flush();
        return 0;
    }

    /** The columns, in name order (the order dense inputs lay them out in); names must be unique. */
    private List<FeatureColumn> readColumns() {
        try {
            List<FeatureColumn> columns = FeatureColumnJson.read(columnsFile);
            for (FeatureColumn c : columns) {
                if (!c.isAdapted()) {
                    throw new E4jException(
                            "column '" + c.name() + "' in " + columnsFile + " learns its state "
                                    + "from data and has not learned it yet",
                            "run 'e4j features adapt --columns " + columnsFile
                                    + " --input ROWS --out adapted.json', then inspect adapted.json");
                }
            }
            return FeatureTransformer.linear(columns).columns();
        } catch (FeatureColumnException e) {
            throw new E4jException(e.getMessage(), "fix the column configs in " + columnsFile);
        }
    }

    private List<Output> transform(List<FeatureColumn> columns, Batch batch, EmbeddingTables tables, long firstRow) {
        TransformContext context = new TransformContext(batch, tables);
        List<Output> outputs = new ArrayList<>(columns.size());
        for (FeatureColumn c : columns) {
            try {
                SparseIds ids = c instanceof CategoricalColumn cat ? cat.ids(context) : null;
                float[] dense = null;
                int width = 0;
                if (c instanceof DenseColumn d) {
                    width = d.width();
                    dense = new float[batch.numRows() * width];
                    d.writeDense(context, dense, width, 0);
                }
                outputs.add(new Output(c, ids, dense, width));
            } catch (FeatureColumnException e) {
                throw new E4jException(
                        inputRows(e.getMessage(), firstRow),
                        "check that " + input + " has the raw features the columns read, as the types they need");
            }
        }
        return outputs;
    }

    /** Column messages count rows within the batch: count them within the input instead. */
    private static String inputRows(String message, long firstRow) {
        if (firstRow == 0 || message == null) {
            return message;
        }
        Matcher m = ROW.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, "row " + (firstRow + Long.parseLong(m.group(1))));
        }
        return m.appendTail(sb).toString();
    }

    // ------------------------------------------------------------------ table

    private void header(PrintWriter out, List<FeatureColumn> columns) {
        int nameWidth = nameWidth(columns);
        int classWidth = 0;
        for (FeatureColumn c : columns) {
            classWidth = Math.max(classWidth, FeatureColumnJson.className(c).length());
        }
        out.println("columns (by name):");
        boolean embeddings = false;
        for (FeatureColumn c : columns) {
            List<String> what = new ArrayList<>();
            if (c instanceof CategoricalColumn cat) {
                what.add("ids in [0, "
                        + cat.numBuckets()
                        + ")"
                        + (c instanceof WeightedCategoricalColumn ? " with weights" : ""));
            }
            if (c instanceof DenseColumn d) {
                what.add("dense, width " + d.width());
            }
            embeddings |= c instanceof EmbeddingColumn || c instanceof SharedEmbeddingColumn;
            out.println("  "
                    + pad(c.name(), nameWidth)
                    + pad(FeatureColumnJson.className(c), classWidth + 2)
                    + String.join(", ", what));
        }
        if (embeddings) {
            out.println("embedding tables hold untrained initial values (truncated normal, seed " + seed + ")");
        }
    }

    private static void table(PrintWriter out, List<Output> outputs, int r, long row) {
        int nameWidth = nameWidth(outputs.stream().map(Output::column).toList());
        out.println("row " + row + ":");
        for (Output o : outputs) {
            List<String> parts = new ArrayList<>();
            if (o.ids != null) {
                parts.add("ids " + ids(o.ids.row(r)));
                if (o.ids.weights() != null) {
                    parts.add("weights " + floats(o.ids.rowWeights(r), 0, o.ids.count(r)));
                }
            }
            if (o.dense != null) {
                parts.add("dense " + dense(o.dense, r * o.width, o.width));
            }
            out.println("  " + pad(o.column.name(), nameWidth) + String.join("  ", parts));
        }
    }

    private static int nameWidth(List<FeatureColumn> columns) {
        int w = 0;
        for (FeatureColumn c : columns) {
            w = Math.max(w, c.name().length());
        }
        return w + 2;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String ids(long[] ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i > 0 ? ", " : "").append(ids[i]);
        }
        return sb.append(']').toString();
    }

    /** All values, or for a wide, mostly zero vector only the non-zero ones: "{3: 1, 17: 2} of 1000". */
    private static String dense(float[] values, int start, int width) {
        int nonZero = 0;
        for (int i = start; i < start + width; i++) {
            nonZero += values[i] != 0 ? 1 : 0;
        }
        if (width <= WIDE || nonZero > width / 4) {
            return floats(values, start, width);
        }
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (int i = 0; i < width; i++) {
            if (values[start + i] != 0) {
                sb.append(sep).append(i).append(": ").append(number(values[start + i]));
                sep = ", ";
            }
        }
        return sb.append("} of ").append(width).toString();
    }

    private static String floats(float[] values, int start, int count) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            sb.append(i > 0 ? ", " : "").append(number(values[start + i]));
        }
        return sb.append(']').toString();
    }

    /** Shortest exact text; integral values without ".0". */
    private static String number(float f) {
        return f == Math.rint(f) && Math.abs(f) < 1e15f ? Long.toString((long) f) : Float.toString(f);
    }

    // ------------------------------------------------------------------ json

    private static ObjectNode jsonRow(ObjectMapper json, List<Output> outputs, int r, long row) {
        ObjectNode node = json.createObjectNode();
        node.put("row", row);
        ObjectNode cols = node.putObject("columns");
        for (Output o : outputs) {
            ObjectNode c = cols.putObject(o.column.name());
            if (o.ids != null) {
                ArrayNode ids = c.putArray("ids");
                for (long id : o.ids.row(r)) {
                    ids.add(id);
                }
                if (o.ids.weights() != null) {
                    ArrayNode w = c.putArray("weights");
                    for (float f : o.ids.rowWeights(r)) {
                        w.add(f);
                    }
                }
            }
            if (o.dense != null) {
                ArrayNode d = c.putArray("dense");
                for (int i = 0; i < o.width; i++) {
                    d.add(o.dense[r * o.width + i]);
                }
            }
        }
        return node;
    }
}
