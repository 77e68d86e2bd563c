package org.estimator4j.api.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.estimator4j.api.data.AbstractDatasetIterator;

/**
 * Cuts a CSV byte stream into chunks of whole records for parallel parsing. A small state machine mirrors FastCSV's
 * quoting rules (a quote opens a field only at its start, {@code ""} inside quotes is a quote) so that a line break
 * inside a quoted field never ends a chunk. Each chunk knows the line it starts on, so errors keep exact line numbers.
 */
final class RecordChunker extends AbstractDatasetIterator<RecordChunker.Chunk> {
    /** {@code length} bytes of whole records; {@code first} is the file's first chunk (skip lines, header). */
    record Chunk(byte[] data, int length, long firstLine, boolean first) {}

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    private final InputStream in;
    private final int chunkSize;
    private final byte delimiter;
    private final byte quote;
    private final boolean trim;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long nextLine = 1;
    private boolean first = true;
    private boolean eof;
    private int state = FIELD_START;

    RecordChunker(InputStream in, int chunkSize, char delimiter, char quote, boolean trim) {
        if (delimiter > 127 || quote > 127) {
            throw new IllegalArgumentException("parallel CSV parsing needs an ASCII delimiter and quote");
        }
        this.in = in;
        this.chunkSize = chunkSize;
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
        this.trim = trim;
    }

    @Override
    protected Chunk computeNext() {
        if (eof && carryLength == 0) {
            return endOfData();
        }
        try {
            byte[] buf = Arrays.copyOf(carry, Math.max(chunkSize, carryLength * 2));
            int length = carryLength;
            int scanned = 0;
            int boundary = -1;
            while (true) {
                // Scan what is new for the last record boundary.
                for (int i = scanned; i < length; i++) {
                    byte b = buf[i];
                    switch (state) {
                        case FIELD_START -> {
                            if (b == quote) {
                                state = QUOTED;
                            } else if (b == '\n') {
                                boundary = i;
                            } else if (b != delimiter && !(trim && (b == ' ' || b == '\t'))) {
                                state = UNQUOTED;
                            }
                        }
                        case UNQUOTED -> {
                            if (b == delimiter) {
                                state = FIELD_START;
                            } else if (b == '\n') {
                                state = FIELD_START;
                                boundary = i;
                            }
                        }
                        case QUOTED -> {
                            if (b == quote) {
                                state = QUOTE_SEEN;
                            }
                        }
                        default -> { // QUOTE_SEEN
                            if (b == quote) {
                                state = QUOTED;
                            } else if (b == delimiter) {
                                state = FIELD_START;
                            } else if (b == '\n') {
                                state = FIELD_START;
                                boundary = i;
                            } else {
                                state = UNQUOTED;
                            }
                        }
                    }
                }
                scanned = length;
                if (eof) {
                    boundary = length - 1;
                    break;
                }
                if (boundary >= 0 && length >= chunkSize) {
                    break;
                }
                if (length == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, length, buf.length - length);
                if (n < 0) {
                    eof = true;
                } else {
                    length += n;
                }
            }
            int end = boundary + 1;
            carryLength = length - end;
            carry = Arrays.copyOfRange(buf, end, length);
            // The state machine has scanned the carried bytes already; rescan them next time from a record start.
            state = FIELD_START;
            if (carryLength > 0) {
                carry = Arrays.copyOf(carry, carryLength);
            }
            if (end == 0) {
                return endOfData();
            }
            Chunk c = new Chunk(buf, end, nextLine, first);
            first = false;
            for (int i = 0; i < end; i++) {
                if (buf[i] == '\n') {
                    nextLine++;
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void release() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            carry = null;
        }
    }
}
