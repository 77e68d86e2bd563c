package org.estimator4j.api.data.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetIterator;

/**
 * {@code cache()}: the first complete pass reads upstream and keeps every element; later passes replay them. A pass
 * abandoned before its end keeps nothing (as in TensorFlow, a partial cache is never used).
 */
public final class MemoryCache<T> {
    private volatile List<T> complete;

    public DatasetIterator<T> pass(Supplier<DatasetIterator<T>> upstream) {
        List<T> cached = complete;
        if (cached != null) {
            return Passes.of(cached);
        }
        DatasetIterator<T> up = upstream.get();
        return new AbstractDatasetIterator<>() {
            private final List<T> filling = new ArrayList<>();

            @Override
            protected T computeNext() {
                if (up.hasNext()) {
                    T t = up.next();
                    filling.add(t);
                    return t;
                }
                if (complete == null) {
                    complete = java.util.Collections.unmodifiableList(filling);
                }
                return endOfData();
            }

            @Override
            protected void release() {
                up.close();
            }
        };
    }
}
