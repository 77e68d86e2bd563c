package org.estimator4j.estimators.builtin.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files written whole or not at all: to a {@code *.partial} file beside the target, forced to disk, then renamed over
 * it, as checkpoints are written, so a killed process never leaves a half-written record or copy behind.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    static void write(Path target, byte[] bytes) {
        replace(target, temp -> Files.write(temp, bytes));
    }

    static void copy(Path source, Path target) {
        replace(target, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Fill {
        void into(Path temp) throws IOException;
    }

    private static void replace(Path target, Fill fill) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, target.getFileName() + ".", ".partial");
            try {
                fill.into(temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
