package org.estimator4j.estimators.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.estimator4j.api.data.Dataset;
import org.estimator4j.api.estimator.RunConfig;
import org.estimator4j.api.estimator.Steps;
import org.estimator4j.api.input.LabeledBatch;
import org.estimator4j.api.table.Batch;
import org.estimator4j.api.table.DType;
import org.estimator4j.api.table.Example;
import org.estimator4j.api.table.Field;
import org.estimator4j.api.table.Schema;
import org.estimator4j.estimators.ModelEstimator;
import org.estimator4j.estimators.linear.LinearClassifier;
import org.estimator4j.features.FeatureColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports: same-step re-exports, temporary folders left by killed exports, and the bundle's permissions. */
class BundleWriterTest {
    @TempDir
    Path dir;

    private ModelEstimator model;
    private Path exports;

    @BeforeEach
    void train() throws IOException {
        Schema schema = Schema.of(Field.scalar("color", DType.STRING), Field.scalar("label", DType.STRING));
        List<Example> rows = Stream.of("red", "green", "blue", "red")
                .map(c -> Example.builder(schema)
                        .set("color", c)
                        .set("label", c.equals("red") ? "yes" : "no")
                        .build())
                .toList();
        model = LinearClassifier.builder(List.of(FeatureColumns.categoricalColumnWithVocabularyFile(
                        "color",
                        Files.writeString(dir.resolve("colors.txt"), "red\ngreen\nblue\n")
                                .toString())))
                .labelVocabulary(List.of("no", "yes"))
                .runConfig(RunConfig.builder().modelDir(dir.resolve("model")).build())
                .build();
        model.train(
                mode -> Dataset.fromIterable(rows)
                        .repeat()
                        .batch(4, false, Batch::of)
                        .map(b -> LabeledBatch.split(b, List.of("label"))),
                Steps.of(10));
        exports = dir.resolve("export");
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportingTheSameStepTwiceKeepsTheFirstBundleAndSaysSo() throws IOException {
        ExportedBundle first = model.exportBundle(exports);
        assertFalse(first.alreadyExported());
        String manifest = Files.readString(first.directory().resolve(BundleManifest.FILE_NAME));
        ExportedBundle second = model.exportBundle(exports);
        assertTrue(second.alreadyExported());
        assertEquals(first.directory(), second.directory());
        assertEquals(manifest, Files.readString(second.directory().resolve(BundleManifest.FILE_NAME)));
        assertEquals(List.of("10"), names(exports)); // and no temporary folder is left behind
        Predictor.load(second.directory());
    }

    @Test
    void aDifferentBundleAtTheSameStepIsRefusedNamingIt() throws IOException {
        Path bundle = model.export(exports);
        Files.writeString(bundle.resolve("model.json"), Files.readString(bundle.resolve("model.json")) + " ");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.export(exports));
        assertTrue(e.getMessage().startsWith(bundle + " already exists and is not a valid bundle"), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("remove it and export again, or export to another directory"), e.getMessage());
        assertEquals(List.of("10"), names(exports));
    }

    @Test
    void theTemporaryFolderOfAKilledExportIsRemovedByTheNextExport() throws Exception {
        Files.createDirectories(exports);
        // A process that has exited stands for the killed export: its pid names no live process any more.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectory(exports.resolve(".e4j-export-" + gone.pid() + "-00000000deadbeef"));
        Files.write(killed.resolve("variables.e4j"), new byte[1 << 16]);
        // An old folder named for a live process (its pid reused) is stale too; a fresh one of a live export is not.
        long self = ProcessHandle.current().pid();
        Path old = Files.createDirectory(exports.resolve(".e4j-export-" + self + "-0123456789abcdef"));
        Files.setLastModifiedTime(
                old, FileTime.from(Instant.now().minus(StaleExports.MAX_AGE).minusSeconds(60)));
        Path running = Files.createDirectory(exports.resolve(".e4j-export-" + self + "-fedcba9876543210"));
        Path unrelated = Files.createDirectory(exports.resolve("export-1234"));

        model.export(exports);
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(unrelated)); // not ours: never touched
    }

    @Test
    void bundleFilesGetOrdinaryPermissionsNotOwnerOnlyOnes() throws Exception {
        Process umask = new ProcessBuilder("sh", "-c", "umask").start();
        String mask = new String(umask.getInputStream().readAllBytes()).strip();
        umask.waitFor();
        if (!mask.endsWith("22")) {
            return; // the expectations below are those of umask 022
        }
        Path bundle = model.export(exports);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)));
        for (String file : List.of("model.json", "variables.e4j", "manifest.json", "assets/colors.txt")) {
            assertEquals(
                    "rw-r--r--",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle.resolve(file))),
                    file);
        }
    }
}
