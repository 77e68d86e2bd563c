package org.estimator4j.cli.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.estimator4j.api.plugin.PluginJar;
import org.estimator4j.cli.CliRun;
import org.estimator4j.spi.callback.CallbackProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin whose provider constructor and callback print to {@code System.out}, from a real jar in a plugins folder:
 * {@code --format json} output still parses (the plugin's lines go to stderr), and plugin code is constructed only
 * when a config names a component.
 */
class ChattyPluginTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path marker;
    Path config;

    @BeforeEach
    void writePluginAndExperiment() throws Exception {
        marker = dir.resolve("constructed.txt");
        System.setProperty("chatty.marker", marker.toString());
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.create()
                .provider(
                        CallbackProvider.class,
                        "com.acme.chatty.ChattyProvider",
                        "acme.chatty",
                        "1",
                        "List.of()",
                        "return new Chatty();",
                        """
                        public ChattyProvider() {
                            System.out.println("chatty: hello from the constructor");
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(
                                        System.getProperty("chatty.marker")), "constructed\\n",
                                        java.nio.file.StandardOpenOption.CREATE,
                                        java.nio.file.StandardOpenOption.APPEND);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }

                        static final class Chatty implements org.estimator4j.spi.callback.Callback {
                            public void onStepEnd(org.estimator4j.spi.callback.TrainingContext c, long step,
                                    Map<String, Double> logs) {
                                System.out.print("chatty: step " + step);
                                System.out.println();
                            }
                        }
                        """)
                .writeTo(plugins.resolve("acme-chatty.jar"));
        StringBuilder csv = new StringBuilder("color,label\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 3 == 0 ? "red" : "blue")
                    .append(',')
                    .append(i % 3 == 0 ? "yes" : "no")
                    .append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), csv);
        config = dir.resolve("chatty.json");
        Files.writeString(config, """
                {
                  "plugins": {"dir": "plugins"},
                  "data": {"train_files": ["train.csv"], "label": "label", "batch_size": 25},
                  "feature_columns": [
                    {"class_name": "VocabularyListCategoricalColumn",
                     "config": {"key": "color", "vocabulary_list": ["red", "blue"]}}
                  ],
                  "estimator": {"type": "LinearClassifier", "label_vocabulary": ["no", "yes"]},
                  "run_config": {"model_dir": "model"}
                }
                """);
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty("chatty.marker");
    }

    @Test
    void aConfigThatNamesNoComponentRunsNoPluginCode() throws Exception {
        CliRun train = CliRun.e4j(
                "train",
                "--config",
                config.toString(),
                "--store",
                dir.resolve("store").toString(),
                "--format",
                "json");
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(4, JSON.readTree(train.out()).get("global_step").asInt(), train.out());
        assertFalse(Files.exists(marker), "the plugin's provider was constructed though nothing names it");
        CliRun list = CliRun.e4j("runs", "list", "--store", dir.resolve("store").toString(), "--format", "json");
        assertEquals(0, list.exitCode(), list.err());
        assertFalse(Files.exists(marker));
    }

    @Test
    void pluginOutputGoesToStderrAndJsonStaysParseable() throws Exception {
        Files.writeString(
                config,
                Files.readString(config)
                        .replace(
                                "\"run_config\"",
                                "\"train\": {\"callbacks\": [{\"type\": \"acme.chatty\"}]}, \"run_config\""));
        CliRun train = CliRun.e4j("train", "--config", config.toString(), "--no-store", "--format", "json");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.exists(marker), "a config that names the plugin constructs it");
        JsonNode summary = JSON.readTree(train.out());
        assertEquals(4, summary.get("global_step").asInt(), train.out());
        assertFalse(train.out().contains("chatty"), train.out());
        assertTrue(train.err().contains("chatty: hello from the constructor"), train.err());
        assertTrue(train.err().lines().anyMatch(l -> l.equals("chatty: step 4")), train.err());

        CliRun plugins = CliRun.e4j(
                "plugins", "list", "--plugins", dir.resolve("plugins").toString(), "--format", "json");
        assertEquals(0, plugins.exitCode(), plugins.err());
        assertTrue(JSON.readTree(plugins.out()).toString().contains("acme.chatty"), plugins.out());
        assertTrue(plugins.err().contains("chatty: hello"), plugins.err());
    }
}
