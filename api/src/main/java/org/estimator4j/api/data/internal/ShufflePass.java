package org.estimator4j.api.data.internal;

import java.util.SplittableRandom;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetIterator;

/**
 * TensorFlow's buffered shuffle: fill a buffer of {@code bufferSize} elements, then repeatedly emit a uniformly chosen
 * one and put the next upstream element in its place; once upstream is exhausted, drain the buffer in random order.
 * Memory is the buffer, whatever the dataset's size; a buffer at least as large as the dataset gives a uniform
 * permutation. The buffer grows as it fills, so a bufferSize far larger than the dataset (even
 * {@code Integer.MAX_VALUE}) costs only the dataset's size.
 */
public final class ShufflePass<T> extends AbstractDatasetIterator<T> {
    private static final int INITIAL_CAPACITY = 1024;

    private final DatasetIterator<T> up;
    private final int bufferSize;
    private Object[] buffer;
    private final SplittableRandom random;
    private int size;
    private boolean filled;

    public ShufflePass(DatasetIterator<T> up, int bufferSize, long seed) {
        this.up = up;
        this.bufferSize = bufferSize;
        this.buffer = new Object[Math.min(bufferSize, INITIAL_CAPACITY)];
        this.random = new SplittableRandom(seed);
    }

    /** The seed of pass {@code pass}: a fixed mix, so that runs with the same seed repeat the same orders. */
    public static long passSeed(long seed, long pass) {
        long z = seed + 0x9E3779B97F4A7C15L * (pass + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T computeNext() {
        if (!filled) {
            filled = true;
            while (size < bufferSize && up.hasNext()) {
                if (size == buffer.length) {
                    grow();
                }
                buffer[size++] = up.next();
            }
        }
        if (size == 0) {
            return endOfData();
        }
        int pick = random.nextInt(size);
        T chosen = (T) buffer[pick];
        if (up.hasNext()) {
            buffer[pick] = up.next();
        } else {
            buffer[pick] = buffer[--size];
            buffer[size] = null;
        }
        return chosen;
    }

    private void grow() {
        // Doubles up to bufferSize, staying clear of the VM's maximum array length.
        int capacity = (int) Math.min((long) buffer.length * 2, Math.min(bufferSize, Integer.MAX_VALUE - 8));
        if (capacity <= buffer.length) {
            throw new OutOfMemoryError("shuffle buffer cannot grow beyond " + buffer.length + " elements");
        }
        buffer = java.util.Arrays.copyOf(buffer, capacity);
    }

    @Override
    protected void release() {
        java.util.Arrays.fill(buffer, null);
        size = 0;
        up.close();
    }
}
