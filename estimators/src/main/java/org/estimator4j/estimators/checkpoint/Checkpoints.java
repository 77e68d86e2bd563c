package org.estimator4j.estimators.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A model directory's checkpoints: {@code ckpt-<step>.e4j} files holding named float arrays and the global step, each
 * with a CRC32C of its contents. A checkpoint is written to a temporary file, forced to disk and only then renamed
 * into place (an atomic rename in one directory), so killing the process at any moment leaves the previous checkpoint
 * whole and the latest one either complete or absent. The newest {@code keepMax} are kept.
 */
public final class Checkpoints {
    private static final long MAGIC = 0x4534_4A43_4B50_5431L; // "E4JCKPT1"
    private static final int FORMAT = 1;
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.e4j");

    private final Path dir;
    private final int keepMax;

    public Checkpoints(Path dir, int keepMax) {
        this.dir = dir;
        this.keepMax = keepMax;
    }

    /** A restored checkpoint: its step and its arrays by name. */
    public record Checkpoint(long globalStep, Map<String, float[]> variables, Path file) {}

    /** The file of the checkpoint at {@code globalStep} in model directory {@code dir} (it may not exist). */
    public static Path file(Path dir, long globalStep) {
        return dir.resolve("ckpt-" + globalStep + ".e4j");
    }

    /** Writes a checkpoint of {@code variables} at {@code globalStep}, then removes all but the newest keepMax. */
    public Path save(long globalStep, Map<String, float[]> variables) {
        try {
            Files.createDirectories(dir);
            Path target = file(dir, globalStep);
            Path temp = Files.createTempFile(dir, "ckpt-" + globalStep + ".", ".partial");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(ch);
                CRC32C crc = new CRC32C();
                DataOutputStream out = new DataOutputStream(
                        new BufferedOutputStream(new java.util.zip.CheckedOutputStream(raw, crc), 1 << 16));
                out.writeLong(MAGIC);
                out.writeInt(FORMAT);
                out.writeLong(globalStep);
                out.writeInt(variables.size());
                for (Map.Entry<String, float[]> e : variables.entrySet()) {
                    byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(name.length);
                    out.write(name);
                    float[] values = e.getValue();
                    out.writeInt(values.length);
                    writeFloats(out, values);
                }
                out.flush();
                // The checksum covers everything before it; written raw so it does not checksum itself.
                new DataOutputStream(raw).writeLong(crc.getValue());
                ch.force(true);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            prune();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The newest readable checkpoint, if any. A damaged newest file is reported, never silently skipped. */
    public Optional<Checkpoint> latest() {
        List<Path> files = list();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(files.get(files.size() - 1)));
    }

    /** Checkpoint files, oldest first. */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = new ArrayList<>(
                    s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .toList());
            files.sort(java.util.Comparator.comparingLong(Checkpoints::stepOf));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(p + " is not a checkpoint file");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Reads a checkpoint file. Every size its header claims (variables, name and value counts) is checked against the
     * bytes the file has left before anything is allocated for it, so a truncated or forged header is refused, never
     * an out-of-memory error; a file that is not a regular file (a device, a FIFO) is refused before it is opened.
     */
    public static Checkpoint read(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw corrupt(file, "it is not a regular file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new java.util.zip.CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            if (in.readLong() != MAGIC) {
                throw corrupt(file, "it is not an Estimator4J checkpoint");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw corrupt(
                        file,
                        "its format " + format + " is not " + FORMAT + " (written by another Estimator4J version)");
            }
            long step = in.readLong();
            int count = in.readInt();
            long read = 8 + 4 + 8 + 4; // the header so far; the checksum's 8 bytes end the file
            if (count < 0 || count * 8L > size - read - 8) { // each variable takes at least its two lengths
                throw corrupt(file, "it claims " + count + " variables in " + size + " bytes");
            }
            Map<String, float[]> variables = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int nameLength = in.readInt();
                if (nameLength < 0 || nameLength > 4096) {
                    throw corrupt(file, "variable " + i + " has a name of " + nameLength + " bytes");
                }
                byte[] name = new byte[nameLength];
                in.readFully(name);
                int length = in.readInt();
                read += 4 + nameLength + 4;
                long left = size - read - 8;
                if (length < 0 || (long) length * 4 > left) {
                    throw corrupt(
                            file,
                            "variable " + i + " claims " + length + " values, but only " + Math.max(0, left)
                                    + " bytes are left");
                }
                read += (long) length * 4;
                variables.put(new String(name, StandardCharsets.UTF_8), readFloats(in, length));
            }
            long expected = crc.getValue(); // before the stored checksum's own bytes are read
            long stored = in.readLong();
            if (stored != expected || in.read() != -1) {
                throw corrupt(file, "its checksum does not match its contents");
            }
            return new Checkpoint(step, variables, file);
        } catch (EOFException e) {
            throw corrupt(file, "it ends early");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    // Floats move in 64 KB chunks, big-endian as DataOutput writes them: float by float, a 300 MB model took seconds.
    private static final int CHUNK_FLOATS = 16 * 1024;

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(CHUNK_FLOATS * 4);
        for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, values.length - from);
            buffer.clear();
            buffer.asFloatBuffer().put(values, from, n);
            out.write(buffer.array(), 0, n * 4);
        }
    }

    private static float[] readFloats(DataInputStream in, int length) throws IOException {
        float[] values = new float[length];
        byte[] bytes = new byte[Math.min(length, CHUNK_FLOATS) * 4];
        for (int from = 0; from < length; from += CHUNK_FLOATS) {
            int n = Math.min(CHUNK_FLOATS, length - from);
            in.readFully(bytes, 0, n * 4);
            java.nio.ByteBuffer.wrap(bytes, 0, n * 4).asFloatBuffer().get(values, from, n);
        }
        return values;
    }

    /** The newest checkpoint's step, from its file name, without reading it; 0 without one. */
    public long latestStep() {
        List<Path> files = list();
        return files.isEmpty() ? 0 : stepOf(files.get(files.size() - 1));
    }

    private static IllegalStateException corrupt(Path file, String why) {
        return new IllegalStateException("checkpoint " + file + " is damaged: " + why + "; delete it to resume from "
                + "the previous checkpoint");
    }

    /**
     * Deletes the temporary ({@code *.partial}) files of writes that a killed process never finished: checkpoints and
     * the model description. Call it when training starts: one process trains a model directory at a time.
     */
    public void deleteAbandonedWrites() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".partial"))
                    .toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    private void prune() throws IOException {
        List<Path> files = list();
        for (int i = 0; i < files.size() - keepMax; i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /** Makes the rename durable: fsync of the directory (not supported everywhere, hence best effort). */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot open directories for sync; the rename is still atomic.
        }
    }
}
