package org.estimator4j.api.data.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.estimator4j.api.data.DatasetException;

/**
 * Identifies a source file's current content cheaply: path, size, modification time and a checksum of its first and
 * last 64 KB. Reading the whole file to hash it would cost as much as the pass the cache saves.
 */
public final class FileStamp {
    private static final int SAMPLE = 64 * 1024;

    private FileStamp() {}

    public static String of(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            CRC32C crc = new CRC32C();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(SAMPLE, size));
            ch.read(buf, 0);
            crc.update(buf.flip());
            if (size > SAMPLE) {
                buf.clear();
                ch.read(buf, Math.max(SAMPLE, size - SAMPLE));
                crc.update(buf.flip());
            }
            return file.toAbsolutePath().normalize() + "@" + size + ":"
                    + Files.getLastModifiedTime(file).toMillis() + ":" + Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
