package org.estimator4j.api.data.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Writes and reads one kind of element to and from a cache file. One instance per file: codecs may keep state. */
interface ElementCodec<T> {
    void write(DataOutput out, T element) throws IOException;

    T read(DataInput in) throws IOException;
}
