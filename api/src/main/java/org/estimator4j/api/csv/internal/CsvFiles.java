package org.estimator4j.api.csv.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.estimator4j.api.csv.CsvOptions;

/** Finds the files a {@link CsvOptions} names and opens them, decompressing {@code .gz} ones. */
final class CsvFiles {
    private CsvFiles() {}

    static List<Path> resolve(CsvOptions options) {
        List<Path> out = new ArrayList<>();
        for (Path p : options.files()) {
            if (!Files.isRegularFile(p)) {
                throw new UncheckedIOException(new NoSuchFileException(
                        p.toAbsolutePath().toString(),
                        null,
                        "no such CSV file; check the path (working directory: "
                                + Path.of("").toAbsolutePath() + ")"));
            }
            out.add(p);
        }
        for (String glob : options.globs()) {
            List<Path> matched = glob(glob);
            if (matched.isEmpty()) {
                throw new UncheckedIOException(new NoSuchFileException(glob, null, "no file matches this glob"));
            }
            out.addAll(matched);
        }
        return List.copyOf(out);
    }

    private static List<Path> glob(String pattern) {
        // The directory part is the longest prefix without glob characters; the rest is matched below it.
        Path p = Path.of(pattern);
        Path base = p.isAbsolute() ? p.getRoot() : Path.of("");
        int depth = 0;
        for (Path part : p) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                break;
            }
            base = base.resolve(part);
            depth++;
        }
        if (depth == p.getNameCount()) {
            return Files.isRegularFile(p) ? List.of(p) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        boolean relative = base.toString().isEmpty();
        Path root = relative ? Path.of(".") : base;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(relative ? root.relativize(f) : f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list files for glob " + pattern + ": " + e.getMessage(), e);
        }
    }

    static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedInputStream(in, 1 << 16);
    }
}
