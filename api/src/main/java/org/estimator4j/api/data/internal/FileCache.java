package org.estimator4j.api.data.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.estimator4j.api.data.AbstractDatasetIterator;
import org.estimator4j.api.data.DatasetException;
import org.estimator4j.api.data.DatasetIterator;
import org.estimator4j.api.internal.Logs;
import org.estimator4j.api.table.Example;
import org.slf4j.Logger;

/**
 * {@code cache(Path)}: the first complete pass writes every element to a file; later passes, in this process or the
 * next, read the file instead of the source. The file starts with the pipeline's fingerprint (its operations and the
 * size, modification time and sampled content hash of every source file), so a changed source invalidates it. The file
 * is written under a temporary name and renamed when the pass completes: an abandoned or crashed pass never leaves a
 * partial cache behind, and concurrent writers do not see each other's halves.
 */
public final class FileCache<T> {
    private static final Logger LOG = Logs.get(FileCache.class);
    private static final long MAGIC = 0x4534_4A43_4143_4845L; // "E4JCACHE"
    private static final int FORMAT = 1;
    private static final byte ELEMENT = 1;
    private static final byte END = 0;
    private static final byte KIND_EXAMPLE = 1;
    private static final byte KIND_SERIALIZABLE = 2;

    private final Path path;

    public FileCache(Path path) {
        this.path = path.toAbsolutePath();
    }

    public DatasetIterator<T> pass(Supplier<DatasetIterator<T>> upstream, String fingerprint) {
        if (Files.isRegularFile(path)) {
            DatasetIterator<T> reading = openIfValid(fingerprint);
            if (reading != null) {
                return reading;
            }
        }
        return new Writing(upstream.get(), fingerprint);
    }

    private DatasetIterator<T> openIfValid(String fingerprint) {
        InputStream raw = null;
        try {
            long size = Files.size(path);
            raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            DataInputStream header = new DataInputStream(raw);
            if (header.readLong() != MAGIC) {
                // Not a file this class wrote (a data file given as the cache path?): never delete or overwrite it.
                throw new DatasetException("cache file " + path + " is not an Estimator4J cache file; it was left "
                        + "untouched: choose another cache path, or delete it if it is an old cache");
            }
            String found = header.readInt() == FORMAT ? header.readUTF() : null;
            if (!fingerprint.equals(found)) {
                raw.close();
                LOG.info("cache {} is out of date (its source or pipeline changed); "
                        + "rebuilding it", path);
                Files.deleteIfExists(path);
                return null;
            }
            byte kind = header.readByte();
            return new Reading(raw, kind, size);
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            if (e instanceof DatasetException d) {
                throw d;
            }
            throw new DatasetException("cannot read cache file " + path + ": " + e.getMessage()
                    + "; delete it to rebuild the cache", e);
        }
    }

    private final class Reading extends AbstractDatasetIterator<T> {
        private final InputStream raw;
        private final DataInput in;
        private final ElementCodec<T> codec;
        private long count;

        Reading(InputStream raw, byte kind, long fileSize) throws IOException {
            this.raw = raw;
            this.codec = codec(kind, fileSize);
            this.in = kind == KIND_SERIALIZABLE ? new ObjectInputStream(raw) : new DataInputStream(raw);
        }

        @Override
        protected T computeNext() {
            try {
                byte tag = in.readByte();
                if (tag == END) {
                    long expected = in.readLong();
                    if (expected != count) {
                        throw new IOException("it holds " + count + " elements, its trailer says " + expected);
                    }
                    return endOfData();
                }
                if (tag != ELEMENT) {
                    throw new IOException("corrupt element tag " + tag + " after " + count + " elements");
                }
                count++;
                return codec.read(in);
            } catch (EOFException e) {
                throw new DatasetException("cache file " + path + " ends early (after " + count
                        + " elements); delete it to rebuild the cache", e);
            } catch (IOException | RuntimeException e) {
                // Damaged content can also surface as a value the codec or the Example builder rejects.
                throw new DatasetException("cannot read cache file " + path + ": " + e
                        + "; delete it to rebuild the cache", e);
            }
        }

        @Override
        protected void release() {
            closeQuietly(raw);
        }
    }

    private final class Writing extends AbstractDatasetIterator<T> {
        private final DatasetIterator<T> up;
        private final String fingerprint;
        private Path temp;
        private OutputStream raw;
        private DataOutput out;
        private ElementCodec<T> codec;
        private long count;
        private boolean committed;

        Writing(DatasetIterator<T> up, String fingerprint) {
            this.up = up;
            this.fingerprint = fingerprint;
        }

        @Override
        protected T computeNext() {
            try {
                if (!up.hasNext()) {
                    commit();
                    return endOfData();
                }
                T t = up.next();
                if (out == null) {
                    open(t);
                }
                out.writeByte(ELEMENT);
                codec.write(out, t);
                count++;
                return t;
            } catch (IOException e) {
                throw new DatasetException("cannot write cache file " + path + ": " + e.getMessage(), e);
            }
        }

        private void open(T first) throws IOException {
            byte kind;
            if (first instanceof Example) {
                kind = KIND_EXAMPLE;
            } else if (first instanceof Serializable) {
                kind = KIND_SERIALIZABLE;
            } else {
                throw new NotSerializableException("cache(Path) stores Examples or Serializable elements, not "
                        + first.getClass().getName() + "; use cache() to keep them in memory");
            }
            Files.createDirectories(path.getParent());
            temp = Files.createTempFile(path.getParent(), path.getFileName() + ".", ".partial");
            raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            DataOutputStream header = new DataOutputStream(raw);
            header.writeLong(MAGIC);
            header.writeInt(FORMAT);
            header.writeUTF(fingerprint);
            header.writeByte(kind);
            header.flush();
            out = kind == KIND_SERIALIZABLE ? new ObjectOutputStream(raw) : header;
            codec = codec(kind, Long.MAX_VALUE);
        }

        private void commit() throws IOException {
            if (out == null) {
                // An empty dataset: nothing worth caching.
                return;
            }
            out.writeByte(END);
            out.writeLong(count);
            ((java.io.Flushable) out).flush();
            raw.close();
            raw = null;
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        protected void release() {
            closeQuietly(raw);
            if (!committed && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A stray .partial file is harmless: it is never read.
                }
            }
            up.close();
        }
    }

    /** The codec of an element kind; {@code maxLength} bounds the lengths it reads (the file's size). */
    @SuppressWarnings("unchecked")
    private static <T> ElementCodec<T> codec(byte kind, long maxLength) throws IOException {
        if (kind == KIND_EXAMPLE) {
            return (ElementCodec<T>) new ExampleCodec(maxLength);
        }
        if (kind == KIND_SERIALIZABLE) {
            return new ElementCodec<>() {
                private int sinceReset;

                @Override
                public void write(DataOutput out, T element) throws IOException {
                    ObjectOutputStream oos = (ObjectOutputStream) out;
                    oos.writeObject(element);
                    // Without a reset the stream keeps every written object alive.
                    if (++sinceReset == 1024) {
                        oos.reset();
                        sinceReset = 0;
                    }
                }

                @Override
                public T read(DataInput in) throws IOException {
                    try {
                        return (T) ((ObjectInputStream) in).readObject();
                    } catch (ClassNotFoundException e) {
                        throw new IOException("a cached element's class is gone: " + e.getMessage(), e);
                    }
                }
            };
        }
        throw new IOException("unknown element kind " + kind);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Nothing more to release.
            }
        }
    }
}
