package org.estimator4j.cli.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.estimator4j.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectFeaturesCommandTest {
    @TempDir
    Path dir;

    /** The repository's examples/features, found from the cli module (surefire's working directory). */
    private static final Path EXAMPLES = Path.of(System.getProperty("basedir", "."))
            .resolve("../examples/features")
            .toAbsolutePath()
            .normalize();

    private static CliRun run(String... args) {
        return CliRun.e4j(args);
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * HashedCategoricalColumnTest.test_strings_should_be_hashed: categorical_column_with_hash_bucket('wire', 10) over
     * values ['omar', 'stringer', 'marlo'] at indices [[0, 0], [1, 0], [1, 1]] gives ids [6, 4, 1].
     */
    private Path wireColumns() throws IOException {
        return file("wire.json", """
                [{"class_name": "HashedCategoricalColumn",
                  "config": {"key": "wire", "hash_bucket_size": 10, "dtype": "string"}},
                 {"class_name": "IndicatorColumn", "config": {"categorical_column":
                   {"class_name": "HashedCategoricalColumn",
                    "config": {"key": "wire", "hash_bucket_size": 10, "dtype": "string"}}}},
                 {"class_name": "NumericColumn", "config": {"key": "price", "default_value": 0.5}},
                 {"class_name": "WeightedCategoricalColumn", "config": {"weight_feature_key": "w",
                   "categorical_column": {"class_name": "IdentityCategoricalColumn",
                                          "config": {"key": "ids", "number_buckets": 3}}}}]
                """);
    }

    private Path wireRows() throws IOException {
        return file("wire.jsonl", """
                {"wire": ["omar"], "price": 2, "ids": [2], "w": [0.5]}
                {"wire": ["stringer", "marlo"], "ids": [0, 2], "w": [1, 3.25]}
                """);
    }

    @Test
    void tableShowsTensorFlowsHashIdsPerRowInNameOrder() throws IOException {
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                wireColumns().toString(),
                "--input",
                wireRows().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                columns (by name):
                  ids_weighted_by_w  WeightedCategoricalColumn  ids in [0, 3) with weights
                  price              NumericColumn              dense, width 1
                  wire               HashedCategoricalColumn    ids in [0, 10)
                  wire_indicator     IndicatorColumn            dense, width 10
                row 0:
                  ids_weighted_by_w  ids [2]  weights [0.5]
                  price              dense [2]
                  wire               ids [6]
                  wire_indicator     dense [0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
                row 1:
                  ids_weighted_by_w  ids [0, 2]  weights [1, 3.25]
                  price              dense [0.5]
                  wire               ids [4, 1]
                  wire_indicator     dense [0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonPrintsOneObjectPerRow() throws IOException {
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                wireColumns().toString(),
                "--input",
                wireRows().toString(),
                "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertEquals(
                "{\"row\":0,\"columns\":{\"ids_weighted_by_w\":{\"ids\":[2],\"weights\":[0.5]},"
                        + "\"price\":{\"dense\":[2.0]},\"wire\":{\"ids\":[6]},"
                        + "\"wire_indicator\":{\"dense\":[0.0,0.0,0.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0]}}}",
                lines.get(0));
        JsonNode row1 = new ObjectMapper().readTree(lines.get(1));
        assertEquals(1, row1.get("row").asInt());
        assertEquals("[4,1]", row1.at("/columns/wire/ids").toString());
        assertEquals("[1.0,3.25]", row1.at("/columns/ids_weighted_by_w/weights").toString());
    }

    @Test
    void anUnknownFeatureKeyFailsWithOneLineAndExitOne() throws IOException {
        Path rows = file("rows.jsonl", "{\"wire\": \"omar\", \"w\": [1], \"ids\": [1]}\n");
        CliRun r = run("features", "inspect", "--columns", wireColumns().toString(), "--input", rows.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(
                err.get(0)
                        .startsWith("e4j features inspect failed: feature column 'price' reads raw feature 'price', "
                                + "which the input does not have; the available keys are "),
                r.err());
    }

    @Test
    void aFeatureOfTheWrongTypeFails() throws IOException {
        Path columns = file("c.json", """
                [{"class_name": "HashedCategoricalColumn", "config": {"key": "age", "hash_bucket_size": 5}}]""");
        Path rows = file("rows.jsonl", "{\"age\": 39}\n");
        CliRun r = run("features", "inspect", "--columns", columns.toString(), "--input", rows.toString());
        assertEquals(1, r.exitCode());
        assertTrue(
                r.err().contains("feature column 'age' needs raw feature 'age' as [string], but it is int64"), r.err());
    }

    @Test
    void badColumnJsonNamesTheFileAndPath() throws IOException {
        Path columns = file("c.json", """
                [{"class_name": "HashedCategoricalColumn", "config": {"key": "a", "hash_bucket_size": 5}},
                 {"class_name": "IdentityCategoricalColumn", "config": {"key": "b", "num_buckets": 5}}]""");
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                columns.toString(),
                "--input",
                wireRows().toString());
        assertEquals(1, r.exitCode());
        assertEquals(
                "e4j features inspect failed: " + columns + ": columns[1].config.num_buckets: unknown key "
                        + "'num_buckets' in the config of IdentityCategoricalColumn 'b'; known keys: key, "
                        + "number_buckets, default_value; fix the column configs in " + columns,
                r.err().strip());

        Path syntax = file("s.json", "[{\"class_name\": ");
        r = run(
                "features",
                "inspect",
                "--columns",
                syntax.toString(),
                "--input",
                wireRows().toString());
        assertEquals(1, r.exitCode());
        assertTrue(
                r.err().startsWith("e4j features inspect failed: " + syntax + ": not valid JSON at line 1"), r.err());
    }

    @Test
    void badInputLinesAndMissingFilesFail() throws IOException {
        Path rows = file("bad.jsonl", "{\"wire\": [\"omar\"]}\n{\"wire\": \n");
        CliRun r = run("features", "inspect", "--columns", wireColumns().toString(), "--input", rows.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("e4j features inspect failed: " + rows + ":2: not valid JSON"), r.err());

        r = run(
                "features",
                "inspect",
                "--columns",
                wireColumns().toString(),
                "--input",
                dir.resolve("nope.jsonl").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("nope.jsonl"), r.err());
        assertTrue(r.err().endsWith("check the --input path" + System.lineSeparator()), r.err());
    }

    @Test
    void rowsInErrorsCountFromTheStartOfTheInputNotOfTheBatch() throws IOException {
        Path columns = file("c.json", "[{\"class_name\": \"NumericColumn\", \"config\": {\"key\": \"x\"}}]");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            rows.append(i == 1234 ? "{\"x\": null}\n" : "{\"x\": " + i + "}\n");
        }
        Path input = file("rows.jsonl", rows.toString());
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                columns.toString(),
                "--input",
                input.toString(),
                "--format",
                "json");
        assertEquals(1, r.exitCode());
        // Row 1234 (0-based) is line 1235 of the file: errors name the line the row was read from.
        assertTrue(
                r.err()
                        .startsWith("e4j features inspect failed: " + input + ":1235: numeric column 'x' has a "
                                + "missing value;"),
                r.err());
        assertEquals(1024, r.out().lines().count()); // the first batch was printed
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                wireColumns().toString(),
                "--input",
                wireRows().toString(),
                "--format",
                "xml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("table, json"), r.err());
    }

    @Test
    void runsOnTheCensusExample() {
        Path columns = EXAMPLES.resolve("census-columns.json");
        Path rows = EXAMPLES.resolve("rows.jsonl");
        CliRun r = run("features", "inspect", "--columns", columns.toString(), "--input", rows.toString());
        assertEquals(0, r.exitCode(), r.err());
        // One space after each name, however wide the name column is.
        String out = r.out().replaceAll("(?m)^  (\\S+) +", "  $1 ");
        assertTrue(out.startsWith("columns (by name):\n  age NumericColumn "), out);
        // Name order, as a dense input lays the columns out.
        List<String> names = List.of(
                "age ",
                "age_bucketized ",
                "age_bucketized_X_education_X_occupation ",
                "education ",
                "education_X_occupation ",
                "hours_per_week ",
                "occupation_embedding ",
                "workclass_indicator ");
        int at = 0;
        for (String n : names) {
            int i = out.indexOf("\n  " + n, at);
            assertTrue(i >= at, n + " in\n" + out);
            at = i;
        }
        assertEquals(5, out.lines().filter(l -> l.matches("row \\d:")).count(), out);
        // Row 0: age 76 is in the last bucket (>= 65); Bachelors is education id 0.
        assertTrue(
                out.contains("row 0:\n  age dense [76]\n  age_bucketized ids [10]  dense [0, 0, 0, 0, 0, 0, 0, "
                        + "0, 0, 0, 1]\n"),
                out);
        assertTrue(out.contains("\n  education ids [0]\n"), out);
        // Row 2 has no hours_per_week: the default 40, standardized: (40 - 40.4) / 12.3.
        assertTrue(out.contains("row 2:\n"), out);
        assertTrue(
                out.substring(out.indexOf("row 2:"))
                        .contains("\n  hours_per_week dense [" + (float) ((40f - 40.4) / 12.3) + "]\n"),
                out);
        // '?' is in the workclass vocabulary (id 5).
        assertTrue(out.contains("  workclass_indicator dense [0, 0, 0, 0, 0, 1, 0, 0, 0]\n"), out);
        out = r.out();
        // The same seed gives the same embeddings; another seed others.
        assertEquals(
                out,
                run("features", "inspect", "--columns", columns.toString(), "--input", rows.toString())
                        .out());
        CliRun other =
                run("features", "inspect", "--columns", columns.toString(), "--input", rows.toString(), "--seed", "1");
        assertTrue(!other.out().equals(out)
                && other.out().lines().count() == out.lines().count());
    }

    @Test
    void printsTensorFlowsGoldenIdsForTheGoldenExample() throws IOException {
        Path golden = EXAMPLES.resolve("golden");
        CliRun r = run(
                "features",
                "inspect",
                "--columns",
                golden.resolve("columns.json").toString(),
                "--input",
                golden.resolve("rows.jsonl").toString(),
                "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        JsonNode row0 = new ObjectMapper().readTree(lines.get(0));
        JsonNode row1 = new ObjectMapper().readTree(lines.get(1));
        // feature_column_v2_test.py: HashedCategoricalColumnTest, CrossedColumnTest.test_get_sparse_tensors_simple,
        // VocabularyListCategoricalColumnTest.test_get_sparse_tensors_with_oov_buckets.
        assertEquals("[6]", row0.at("/columns/aaa/ids").toString());
        assertEquals("[4,1]", row1.at("/columns/aaa/ids").toString());
        assertEquals("[1,0]", row0.at("/columns/a_bucketized_X_c/ids").toString());
        assertEquals("[1,3,4,2]", row1.at("/columns/a_bucketized_X_c/ids").toString());
        assertEquals("[2]", row0.at("/columns/vvv/ids").toString());
        assertEquals("[33,0,62]", row1.at("/columns/vvv/ids").toString());
    }
}
