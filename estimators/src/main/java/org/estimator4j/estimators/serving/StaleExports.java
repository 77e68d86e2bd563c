package org.estimator4j.estimators.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.estimator4j.api.internal.Logs;
import org.slf4j.Logger;

/**
 * The temporary folders exports assemble their bundles in: {@code .e4j-export-<pid>-<random>} beside the bundles. An
 * export killed before its rename leaves one behind (as large as the model); the next export into the same directory
 * removes those whose process is gone, and any older than {@link #MAX_AGE} (a process id may be reused).
 */
final class StaleExports {
    /** Older than this, a temporary folder is stale whatever its process id says. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    private static final String PREFIX = ".e4j-export-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-[0-9a-f]{16}");
    private static final Logger LOG = Logs.get(StaleExports.class);

    private StaleExports() {}

    /** A new, empty temporary folder in {@code directory}, named for this process. */
    static Path create(Path directory) throws IOException {
        String name = PREFIX + ProcessHandle.current().pid() + "-"
                + String.format("%016x", ThreadLocalRandom.current().nextLong());
        return Files.createDirectory(directory.resolve(name)); // not createTempDirectory: that one is owner-only
    }

    /** Removes the stale temporary folders of earlier exports into {@code directory}. */
    static void clean(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (isStale(p)) {
                    LOG.info("removing {}, left by an export that did not finish", p);
                    delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    static boolean isStale(Path p) throws IOException {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return true;
        }
        Instant modified = Files.getLastModifiedTime(p).toInstant();
        boolean old = modified.isBefore(Instant.now().minus(MAX_AGE));
        return old || ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    /** Deletes {@code dir} and everything in it, without following links; nothing when it is gone. */
    static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone (renamed into place, or removed by another export)
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", dir, e.getMessage());
        }
    }
}
