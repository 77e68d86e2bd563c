package org.estimator4j.bench.workloads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A workload's rows in memory, column-major by kind: {@code dense} is rows × denseWidth floats, {@code ids} is rows ×
 * idColumns ints, {@code labels} one 0/1 float per row. Written once by {@code compare.sh} and read by both JVMs, so
 * both train on the very same values.
 *
 * <p>The file is little-endian: the magic {@code E4JWORK1}, the workload id's length and UTF-8 bytes, then rows,
 * dense width and id column count as ints, then the three arrays.
 */
public record WorkloadData(Workload workload, int rows, float[] dense, int[] ids, float[] labels) {
    private static final byte[] MAGIC = "E4JWORK1".getBytes(StandardCharsets.US_ASCII);

    public WorkloadData {
        if (dense.length != rows * workload.denseWidth()
                || ids.length != rows * workload.idColumns.size()
                || labels.length != rows) {
            throw new IllegalArgumentException("arrays do not match " + rows + " rows of workload " + workload);
        }
    }

    /** The file of {@code workload} in a data directory. */
    public static Path file(Path directory, Workload workload) {
        return directory.resolve(workload.id + ".bin");
    }

    public void write(Path file) throws IOException {
        byte[] name = workload.id.getBytes(StandardCharsets.UTF_8);
        int bytes = MAGIC.length + 4 + name.length + 12 + 4 * (dense.length + ids.length + labels.length);
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC)
                .putInt(name.length)
                .put(name)
                .putInt(rows)
                .putInt(workload.denseWidth())
                .putInt(workload.idColumns.size());
        b.asFloatBuffer().put(dense);
        b.position(b.position() + 4 * dense.length);
        b.asIntBuffer().put(ids);
        b.position(b.position() + 4 * ids.length);
        b.asFloatBuffer().put(labels);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, b.array());
        Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static WorkloadData read(Path file) throws IOException {
        ByteBuffer b;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            b = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a workload data file (written by compare.sh's GenerateData)");
        }
        byte[] name = new byte[b.getInt()];
        b.get(name);
        Workload workload = Workload.named(new String(name, StandardCharsets.UTF_8));
        int rows = b.getInt();
        int denseWidth = b.getInt();
        int idColumns = b.getInt();
        if (denseWidth != workload.denseWidth() || idColumns != workload.idColumns.size()) {
            throw new IOException(file + " holds " + denseWidth + " dense values and " + idColumns + " ids a row, but "
                    + "workload " + workload + " has " + workload.denseWidth() + " and " + workload.idColumns.size()
                    + ": generate the data again with this version");
        }
        float[] dense = new float[rows * denseWidth];
        int[] ids = new int[rows * idColumns];
        float[] labels = new float[rows];
        b.asFloatBuffer().get(dense);
        b.position(b.position() + 4 * dense.length);
        b.asIntBuffer().get(ids);
        b.position(b.position() + 4 * ids.length);
        b.asFloatBuffer().get(labels);
        return new WorkloadData(workload, rows, dense, ids, labels);
    }

    /** Row {@code row}'s dense values. */
    public float[] denseRow(int row) {
        int w = workload.denseWidth();
        return java.util.Arrays.copyOfRange(dense, row * w, (row + 1) * w);
    }

    /** Row {@code row}'s id in id column {@code column}. */
    public int id(int row, int column) {
        return ids[row * workload.idColumns.size() + column];
    }

    /** How many whole batches of {@code batchSize} rows the data holds (the rows left over are not used). */
    public int batches(int batchSize) {
        if (rows < batchSize) {
            throw new IllegalArgumentException(rows + " rows make no batch of " + batchSize);
        }
        return rows / batchSize;
    }
}
