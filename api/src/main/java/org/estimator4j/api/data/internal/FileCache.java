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
import java.io.OutputStream;
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
 *
 * <p>Elements are written by typed codecs ({@link ExampleCodec}, {@link ValueCodec}), never by Java serialization:
 * reading a cache file cannot instantiate a class it names. A file of an older format (format 1 used Java
 * serialization for non-Example elements) is rebuilt from the source without being read past its header.
 */
public final class FileCache<T> {
    private static final Logger LOG = Logs.get(FileCache.class);
    private static final long MAGIC = 0x4534_4A43_4143_4845L; // "E4JCACHE"
    // 2: typed values (ValueCodec) instead of Java serialization, and each row's origin.
    private static final int FORMAT = 2;
    private static final byte ELEMENT = 1;
    private static final byte END = 0;
    private static final byte KIND_EXAMPLE = 1;
    // Kind 2 was Java serialization (format 1 only): never read.
    private static final byte KIND_VALUE = 3;

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
            int format = header.readInt();
            String found = format == FORMAT ? header.readUTF() : null;
            if (!fingerprint.equals(found)) {
                raw.close();
                LOG.info(
                        format == FORMAT
                                ? "cache {} is out of date (its source or pipeline changed); rebuilding it"
                                : "cache {} has an older format; rebuilding it",
                        path);
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
            throw new DatasetException(
                    "cannot read cache file " + path + ": " + e.getMessage() + "; delete it to rebuild the cache", e);
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
            this.in = new DataInputStream(raw);
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
                throw new DatasetException(
                        "cache file " + path + " ends early (after " + count
                                + " elements); delete it to rebuild the cache",
                        e);
            } catch (IOException | RuntimeException e) {
                // Damaged content can also surface as a value the codec or the Example builder rejects.
                throw new DatasetException(
                        "cannot read cache file " + path + ": " + e + "; delete it to rebuild the cache", e);
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
            } else if (ValueCodec.supports(first)) {
                kind = KIND_VALUE;
            } else {
                throw ValueCodec.unsupported(first);
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
            out = header;
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
        if (kind == KIND_VALUE) {
            return (ElementCodec<T>) new ValueCodec(maxLength);
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
