package org.estimator4j.estimators.serving;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.estimator4j.estimators.LibraryVersion;

/**
 * The {@code manifest.json} of an export bundle: what wrote it (bundle format, Estimator4J and Java versions, when,
 * at which global step) and the size and SHA-256 of every file in it. A bundle travels (copied to a server, unpacked
 * from an archive) and a truncated or altered variables file would otherwise load and serve wrong predictions without
 * a word; with the manifest, loading checks every byte first and names the file at fault.
 *
 * <p>The manifest is written last, after the files it lists, so a bundle whose export was interrupted has none and is
 * not mistaken for a verified one (export also renames the finished bundle into place atomically). A bundle without a
 * manifest is refused: nothing could tell its weights from tampered ones. Besides {@code model.json} and
 * {@code variables.e4j} the manifest lists the files the model reads ({@code assets/...}, e.g. vocabulary files).
 */
public record BundleManifest(
        int bundleFormat,
        String libraryVersion,
        String javaVersion,
        Instant created,
        long globalStep,
        Map<String, FileEntry> files) {
    /**
     * The bundle layout this version writes and the newest it reads. Bump it only when the layout changes in a way an
     * older reader would misread, and keep reading the older formats.
     */
    public static final int FORMAT = 1;
    /** The manifest's file name inside a bundle. */
    public static final String FILE_NAME = "manifest.json";
    /** The files every format 1 bundle has: the model's description and its variables. */
    public static final List<String> FORMAT_1_FILES = List.of("model.json", "variables.e4j");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One file's size in bytes and SHA-256 (lower-case hex). */
    public record FileEntry(long size, String sha256) {
        public FileEntry {
            requireNonNull(sha256, "sha256 is null");
        }
    }

    public BundleManifest {
        requireNonNull(libraryVersion, "libraryVersion is null");
        requireNonNull(javaVersion, "javaVersion is null");
        requireNonNull(created, "created is null");
        files = Map.copyOf(files);
    }

    /**
     * Hashes the format 1 files already in {@code bundle} and writes {@code manifest.json} beside them, recording
     * this library's and this JVM's versions and the current time.
     */
    public static BundleManifest write(Path bundle, long globalStep) {
        return write(bundle, globalStep, List.of());
    }

    /**
     * Like {@link #write(Path, long)}, also listing {@code assets}: further files of the bundle the model reads, as
     * paths relative to the bundle (e.g. {@code assets/countries.txt}).
     */
    public static BundleManifest write(Path bundle, long globalStep, List<String> assets) {
        Map<String, FileEntry> files = new TreeMap<>();
        for (String name : FORMAT_1_FILES) {
            files.put(name, describe(bundle.resolve(name)));
        }
        for (String name : assets) {
            if (!BundlePaths.isPlainRelative(name)) {
                throw new IllegalArgumentException("asset '" + name + "' is not a relative path inside the bundle");
            }
            files.put(name, describe(bundle.resolve(name)));
        }
        BundleManifest manifest = new BundleManifest(
                FORMAT, LibraryVersion.get(), Runtime.version().toString(), Instant.now(), globalStep, files);
        Path file = bundle.resolve(FILE_NAME);
        try {
            Files.writeString(file, manifest.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return manifest;
    }

    /**
     * Checks {@code bundle} against its manifest before anything in it is read: the manifest must be there, every
     * listed file must be there (inside the bundle) with its size and SHA-256, and the bundle format must be one this
     * version reads.
     *
     * @throws InvalidBundleException naming the file at fault and what to do (export again, or upgrade)
     */
    public static BundleManifest verify(Path bundle) {
        if (!Files.isDirectory(bundle)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + " is not a directory",
                    "give the directory `export` wrote (<export dir>/<global step>)");
        }
        Path file = bundle.resolve(FILE_NAME);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidBundleException(
                    "bundle " + bundle + " has no " + FILE_NAME + ", so its files cannot be checked",
                    "export the model again; only if you trust every file "
                            + "in it, load it unchecked (e4j predict --no-verify, Predictor.loader(bundle)"
                            + ".withoutVerification())");
        }
        BundlePaths.resolve(bundle, FILE_NAME, "the manifest");
        BundleManifest manifest = read(bundle, file);
        for (Map.Entry<String, FileEntry> e : new TreeMap<>(manifest.files()).entrySet()) {
            check(bundle, e.getKey(), e.getValue());
        }
        return manifest;
    }

    private static BundleManifest read(Path bundle, Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw damaged(bundle, FILE_NAME + " cannot be read as JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw damaged(bundle, FILE_NAME + " is not a JSON object");
        }
        JsonNode format = root.get("bundle_format");
        if (format == null || !format.canConvertToExactIntegral() || format.asInt() < 1) {
            throw damaged(bundle, FILE_NAME + " has no valid bundle_format");
        }
        String writtenBy = root.path("estimator4j_version").asText("an unknown version");
        if (format.asInt() > FORMAT) {
            // Checked before the file list: a newer layout may list files differently.
            throw new InvalidBundleException(
                    "bundle " + bundle + " has bundle format " + format.asInt()
                            + " (written by Estimator4J " + writtenBy + "), but Estimator4J " + LibraryVersion.get()
                            + " reads bundle formats up to " + FORMAT,
                    "upgrade Estimator4J to load it");
        }
        JsonNode filesJson = root.get("files");
        if (filesJson == null || !filesJson.isObject()) {
            throw damaged(bundle, FILE_NAME + " lists no files");
        }
        Map<String, FileEntry> files = new TreeMap<>();
        var fields = filesJson.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String name = f.getKey();
            if (!BundlePaths.isPlainRelative(name)) {
                throw damaged(bundle, FILE_NAME + " lists '" + name + "', which is not a file of the bundle");
            }
            JsonNode size = f.getValue().get("size");
            JsonNode sha = f.getValue().get("sha256");
            if (size == null
                    || !size.canConvertToExactIntegral()
                    || size.asLong() < 0
                    || sha == null
                    || !SHA256.matcher(sha.asText()).matches()) {
                throw damaged(bundle, FILE_NAME + " has no valid size and sha256 for " + name);
            }
            files.put(name, new FileEntry(size.asLong(), sha.asText()));
        }
        for (String required : FORMAT_1_FILES) {
            if (!files.containsKey(required)) {
                throw damaged(bundle, FILE_NAME + " does not list " + required);
            }
        }
        JsonNode step = root.get("global_step");
        if (step == null || !step.canConvertToExactIntegral()) {
            throw damaged(bundle, FILE_NAME + " has no valid global_step");
        }
        Instant created;
        try {
            created = Instant.parse(root.path("created").asText());
        } catch (DateTimeParseException e) {
            throw damaged(bundle, FILE_NAME + " has no valid creation time");
        }
        return new BundleManifest(
                format.asInt(), writtenBy, root.path("java_version").asText("unknown"), created, step.asLong(), files);
    }

    private static void check(Path bundle, String name, FileEntry expected) {
        if (!Files.exists(bundle.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw damaged(bundle, name + " is missing (" + FILE_NAME + " lists it)");
        }
        Path file = BundlePaths.resolve(bundle, name, FILE_NAME + " lists");
        FileEntry actual = describe(file);
        if (actual.size() != expected.size()) {
            throw damaged(
                    bundle, name + " has " + actual.size() + " bytes, but " + FILE_NAME + " says " + expected.size());
        }
        if (!actual.sha256().equals(expected.sha256())) {
            throw damaged(
                    bundle,
                    "the SHA-256 checksum of " + name + " does not match " + FILE_NAME
                            + " (the file was altered or corrupted)");
        }
    }

    private static InvalidBundleException damaged(Path bundle, String why) {
        return new InvalidBundleException("bundle " + bundle + " is damaged: " + why, BundlePaths.EXPORT_AGAIN);
    }

    /** A file's size and SHA-256, read in 64 KB chunks (variables files reach hundreds of MB). */
    static FileEntry describe(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
        }
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + file + ": it does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new FileEntry(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** The manifest as the pretty-printed JSON {@link #write} stores. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("bundle_format", bundleFormat);
        root.put("estimator4j_version", libraryVersion);
        root.put("java_version", javaVersion);
        root.put("created", created.toString());
        root.put("global_step", globalStep);
        ObjectNode list = root.putObject("files");
        for (Map.Entry<String, FileEntry> e : new TreeMap<>(files).entrySet()) {
            ObjectNode f = list.putObject(e.getKey());
            f.put("size", e.getValue().size());
            f.put("sha256", e.getValue().sha256());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bundle manifest as JSON: " + e.getMessage(), e);
        }
    }
}
