package org.estimator4j.estimators.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.estimator4j.features.VocabularyFileColumn;

/**
 * Writes export bundles: {@code <directory>/<global step>/} with {@code model.json}, {@code variables.e4j}, the files
 * the model reads under {@code assets/} (vocabulary files, so the bundle serves the same predictions wherever it is
 * copied, whatever happens to the originals) and {@code manifest.json} last.
 *
 * <ul>
 *   <li>The bundle is assembled in a temporary folder beside it ({@link StaleExports} names it) and renamed into place
 *       in one step; a failed export removes its folder, and the folders of exports that were killed are removed
 *       by the next export into the same directory.
 *   <li>Files and folders get the ordinary permissions of newly created files (the umask decides, as for any other
 *       file the user writes), not the owner-only ones of a temporary file: a bundle is made to be read by a server.
 *   <li>Exporting a step whose bundle exists keeps that bundle when it holds the same files (the result says so), and
 *       refuses, naming it, when it holds other ones.
 * </ul>
 */
public final class BundleWriter {
    /** The folder inside a bundle that holds the files the model reads. */
    public static final String ASSETS = "assets";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleWriter() {}

    /**
     * Exports the model described by {@code description} (its JSON, as a model directory keeps it) with the
     * variables of checkpoint file {@code variables} at {@code globalStep} into {@code directory/<globalStep>/}.
     *
     * @throws InvalidBundleException when a different bundle of that step is already there, or a file the model
     *     reads has changed since training
     */
    public static ExportedBundle write(Path directory, long globalStep, String description, Path variables) {
        Path bundle = directory.resolve(Long.toString(globalStep));
        Path temp;
        try {
            Files.createDirectories(directory);
            StaleExports.clean(directory);
            temp = StaleExports.create(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + directory + ": " + e.getMessage(), e);
        }
        try {
            List<String> assets = writeModel(temp, description);
            try (InputStream in = Files.newInputStream(variables)) {
                Files.copy(in, temp.resolve("variables.e4j")); // a new file: ordinary permissions
            }
            BundleManifest manifest = BundleManifest.write(temp, globalStep, assets);
            return moveIntoPlace(temp, bundle, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + directory + ": " + e.getMessage(), e);
        } finally {
            StaleExports.delete(temp); // gone already when it was renamed into place
        }
    }

    private static ExportedBundle moveIntoPlace(Path temp, Path bundle, BundleManifest manifest) throws IOException {
        if (!Files.exists(bundle)) {
            try {
                Files.move(temp, bundle, StandardCopyOption.ATOMIC_MOVE);
                return new ExportedBundle(bundle, manifest, false);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another export of the same step got there first: compare with it below
            }
        }
        BundleManifest existing;
        try {
            existing = BundleManifest.verify(bundle);
        } catch (RuntimeException e) {
            throw new InvalidBundleException(
                    bundle + " already exists and is not a valid bundle (" + e.getMessage() + ")",
                    "remove it and export again, or export to another directory");
        }
        if (!existing.files().equals(manifest.files()) || existing.globalStep() != manifest.globalStep()) {
            throw new InvalidBundleException(
                    bundle + " already holds a different bundle of step " + manifest.globalStep()
                            + " (its files differ from this model's)",
                    "remove it and export again, or export to another directory");
        }
        return new ExportedBundle(bundle, existing, true);
    }

    /**
     * Writes {@code model.json}: the description with every vocabulary file copied into {@code assets/} and its path
     * replaced by the copy's, relative to the bundle. Returns the assets' paths.
     */
    private static List<String> writeModel(Path temp, String description) throws IOException {
        JsonNode root = MAPPER.readTree(description);
        Map<Path, String> copied = new HashMap<>();
        List<String> assets = new ArrayList<>();
        for (ObjectNode config : vocabularyFileConfigs(root, new ArrayList<>())) {
            Path source = Path.of(config.path("vocabulary_file").asText())
                    .toAbsolutePath()
                    .normalize();
            String asset = copied.get(source);
            if (asset == null) {
                asset = ASSETS + "/" + uniqueName(source.getFileName().toString(), copied.size(), assets);
                copyAsset(
                        source,
                        temp.resolve(asset),
                        config.path("vocabulary_sha256").asText(null));
                copied.put(source, asset);
                assets.add(asset);
            }
            config.put("vocabulary_file", asset);
        }
        String text = assets.isEmpty() ? description : MAPPER.writeValueAsString(root) + "\n";
        Files.writeString(temp.resolve("model.json"), text, StandardCharsets.UTF_8);
        return assets;
    }

    /** The config objects of every VocabularyFileCategoricalColumn in the tree, nested ones included. */
    private static List<ObjectNode> vocabularyFileConfigs(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode o
                && "VocabularyFileCategoricalColumn".equals(o.path("class_name").asText())
                && o.get("config") instanceof ObjectNode config
                && config.path("vocabulary_file").isTextual()) {
            into.add(config);
        }
        for (JsonNode child : node) {
            vocabularyFileConfigs(child, into);
        }
        return into;
    }

    private static String uniqueName(String name, int index, List<String> taken) {
        return taken.contains(ASSETS + "/" + name) ? index + "-" + name : name;
    }

    private static void copyAsset(Path source, Path target, String expectedSha256) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new InvalidBundleException(
                    "the model reads vocabulary file " + source + ", which "
                            + (Files.exists(source) ? "is not a regular file" : "does not exist any more"),
                    "restore it to export the model");
        }
        if (Files.size(source) > VocabularyFileColumn.MAX_FILE_BYTES) {
            throw new InvalidBundleException(
                    "vocabulary file " + source + " has " + Files.size(source) + " bytes, " + "more than the limit of "
                            + VocabularyFileColumn.MAX_FILE_BYTES,
                    "restore the file the model was trained with");
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = Files.newInputStream(source)) {
            Files.copy(in, target);
        }
        String actual = BundleManifest.describe(target).sha256();
        if (expectedSha256 != null && !Objects.equals(expectedSha256, actual)) {
            throw new InvalidBundleException(
                    "vocabulary file " + source + " has changed since the model was " + "trained (SHA-256 " + actual
                            + ", trained with " + expectedSha256 + ")",
                    "restore the file the model was trained with to export it");
        }
    }
}
