package org.estimator4j.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.cli.CliRun;
import org.estimator4j.cli.E4j;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs named and tagged through {@code e4j train} (config {@code run.name} / {@code run.tags}, flags
 * {@code --run-name} / {@code --tag}) show their names in {@code e4j runs list/search/compare} and are found by name
 * and by tag.
 */
class RunNameAndTagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path config;
    String store;

    @BeforeEach
    void writeExperiment() throws Exception {
        StringBuilder csv = new StringBuilder("color,size,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 3 == 0 ? "red" : "blue")
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i % 3 == 0 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        config = dir.resolve("named.json");
        Files.writeString(config, """
                {
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 50},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "blue"]}},
                    {"class_name": "NumericColumn", "config": {"key": "size"}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run": {"name": "from-config", "tags": {"team": "risk", "stage": "draft", "round": 3}},
                  "run_config": {"model_dir": "model"}
                }
                """);
        store = dir.resolve("store").toString();
    }

    private String train(String... extra) throws Exception {
        String[] args = new String[7 + extra.length];
        String[] base = {"train", "--config", config.toString(), "--store", store, "--format", "json"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun train = CliRun.e4j(args);
        assertEquals(0, train.exitCode(), train.err());
        return JSON.readTree(train.out()).get("run_id").asText();
    }

    private JsonNode search(String filter) throws Exception {
        CliRun search = CliRun.e4j("runs", "search", "--store", store, "--format", "json", filter);
        assertEquals(0, search.exitCode(), search.err());
        return JSON.readTree(search.out()).get("runs");
    }

    @Test
    void configNamesAndTagsTheRunAndFlagsOverrideThem() throws Exception {
        String fromConfig = train("--model-dir", dir.resolve("m1").toString());
        String fromFlags = train(
                "--model-dir",
                dir.resolve("m2").toString(),
                "--run-name",
                "from-flags",
                "--tag",
                "stage=final",
                "--tag",
                "owner=ana");

        CliRun list = CliRun.e4j("runs", "list", "--store", store, "--format", "json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode runs = JSON.readTree(list.out()).get("runs");
        assertEquals(2, runs.size(), list.out());
        assertEquals("from-flags", runs.get(0).get("name").asText(), "newest first");
        assertEquals("from-config", runs.get(1).get("name").asText());
        CliRun table = CliRun.e4j("runs", "list", "--store", store);
        assertTrue(table.out().contains("from-config") && table.out().contains("from-flags"), table.out());

        JsonNode byName = search("attributes.run_name = 'from-flags'");
        assertEquals(1, byName.size());
        assertEquals(fromFlags, byName.get(0).get("run_id").asText());
        assertEquals(2, search("tags.team = 'risk' AND tags.round = '3'").size(), "config tags on both runs");
        JsonNode finals = search("tags.stage = 'final'");
        assertEquals(1, finals.size(), "--tag beats the config's tag of the same key");
        assertEquals(fromFlags, finals.get(0).get("run_id").asText());
        assertEquals(
                fromConfig, search("tags.stage = 'draft'").get(0).get("run_id").asText());
        assertEquals(1, search("tags.owner = 'ana'").size());
        assertEquals(0, search("params.run.name = 'from-config'").size(), "name and tags are not params");

        CliRun compare = CliRun.e4j("runs", "compare", fromConfig, fromFlags, "--store", store);
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().lines().anyMatch(l -> l.matches("\\* +name +from-config +from-flags")), compare.out());
        CliRun show = CliRun.e4j("runs", "show", fromFlags, "--store", store, "--format", "json");
        assertEquals(0, show.exitCode(), show.err());
        JsonNode tags = JSON.readTree(show.out()).get("tags");
        assertEquals("final", tags.get("stage").asText(), show.out());
        assertEquals("risk", tags.get("team").asText());
        assertFalse(tags.get("model_dir").asText().isEmpty());
    }

    @Test
    void aTagWithoutValueIsAUsageError() {
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--store", store, "--tag", "team");
        assertEquals(E4j.EXIT_USAGE, train.exitCode());
        assertTrue(train.err().contains("--tag"), train.err());
    }

    @Test
    void aConfigTagThatIsNotAStringNamesItsPath() throws Exception {
        Files.writeString(config, Files.readString(config).replace("\"round\": 3", "\"round\": [3]"));
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--store", store);
        assertEquals(E4j.EXIT_FAILURE, train.exitCode());
        assertTrue(train.err().contains("named.json.run.tags.round: expected a string"), train.err());
    }
}
