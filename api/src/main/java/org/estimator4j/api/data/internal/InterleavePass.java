package org.estimator4j.api.data.internal;

import java.util.Iterator;
import java.util.function.Function;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetIterator;

/**
 * TensorFlow's deterministic {@code interleave(f, cycle_length, block_length)}: up to cycleLength inner datasets are
 * open at once; take blockLength elements from each in turn; an exhausted one is replaced, in its slot, by the dataset
 * of the next input element. With cycleLength 1 this is flatMap.
 */
public final class InterleavePass<T, U> extends AbstractDatasetIterator<U> {
    private final DatasetIterator<T> up;
    private final Function<? super T, ? extends Iterable<? extends U>> f;
    private final Iterator<? extends U>[] slots;
    private final int blockLength;
    private int slot;
    private int takenInBlock;
    private int open;
    private boolean inputExhausted;

    @SuppressWarnings("unchecked")
    public InterleavePass(
            DatasetIterator<T> up,
            Function<? super T, ? extends Iterable<? extends U>> f,
            int cycleLength,
            int blockLength) {
        this.up = up;
        this.f = f;
        this.slots = new Iterator[cycleLength];
        this.blockLength = blockLength;
    }

    // Follows TensorFlow's InterleaveDatasetOp loop: empty slots are filled lazily when the cycle reaches them, and an
    // exhausted inner dataset moves the cycle on.
    @Override
    protected U computeNext() {
        while (!inputExhausted || open > 0) {
            Iterator<? extends U> it = slots[slot];
            if (it != null) {
                if (it.hasNext()) {
                    U u = it.next();
                    if (++takenInBlock == blockLength) {
                        advance();
                    }
                    return u;
                }
                Passes.closeQuietly(it);
                slots[slot] = null;
                open--;
                advance();
            } else if (!inputExhausted) {
                if (up.hasNext()) {
                    slots[slot] = f.apply(up.next()).iterator();
                    open++;
                } else {
                    inputExhausted = true;
                }
            } else {
                advance();
            }
        }
        return endOfData();
    }

    private void advance() {
        takenInBlock = 0;
        slot = (slot + 1) % slots.length;
    }

    @Override
    protected void release() {
        for (Iterator<? extends U> it : slots) {
            if (it != null) {
                Passes.closeQuietly(it);
            }
        }
        up.close();
    }
}
