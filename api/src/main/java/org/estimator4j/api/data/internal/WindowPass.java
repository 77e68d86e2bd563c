package org.estimator4j.api.data.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetIterator;

/**
 * TensorFlow's {@code window(size, shift, stride, drop_remainder)}: window k holds the elements at positions
 * {@code k*shift + j*stride} for {@code j < size}. Without dropRemainder the last windows may be shorter; every window
 * that starts inside the data is emitted.
 */
public final class WindowPass<T> extends AbstractDatasetIterator<List<T>> {
    private final DatasetIterator<T> up;
    private final int size;
    private final int shift;
    private final int stride;
    private final boolean dropRemainder;
    // Elements from position 'base' on, in order.
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private long base;
    private long start;
    private boolean exhausted;

    public WindowPass(DatasetIterator<T> up, int size, int shift, int stride, boolean dropRemainder) {
        this.up = up;
        this.size = size;
        this.shift = shift;
        this.stride = stride;
        this.dropRemainder = dropRemainder;
    }

    @Override
    protected List<T> computeNext() {
        // Drop what lies before the window's start, reading through gaps when shift exceeds the buffer.
        while (base < start) {
            if (!buffer.isEmpty()) {
                buffer.pollFirst();
                base++;
            } else if (!exhausted && up.hasNext()) {
                up.next();
                base++;
            } else {
                exhausted = true;
                return endOfData();
            }
        }
        long last = start + (long) (size - 1) * stride;
        while (!exhausted && base + buffer.size() <= last) {
            if (up.hasNext()) {
                buffer.addLast(up.next());
            } else {
                exhausted = true;
            }
        }
        List<T> window = new ArrayList<>(size);
        int offset = 0;
        for (T t : buffer) {
            if (offset % stride == 0 && window.size() < size) {
                window.add(t);
            }
            offset++;
        }
        if (window.isEmpty() || (dropRemainder && window.size() < size)) {
            return endOfData();
        }
        start += shift;
        return java.util.Collections.unmodifiableList(window);
    }

    @Override
    protected void release() {
        buffer.clear();
        up.close();
    }
}
