package org.estimator4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Keeps standard output for the command's own output. While a command runs, {@code System.out} writes from library
 * and plugin code (a provider's constructor printing a banner, a callback's {@code println}) go to the command's
 * stderr instead, so {@code --format json} / {@code csv} output stays machine-readable. Commands write through
 * {@link CommandLine#getOut()}, which is bound to the real stdout before the swap.
 */
final class StdoutGuard implements AutoCloseable {
    private final PrintStream real;
    private final PrintStream diverted;

    private StdoutGuard(PrintStream real, PrintStream diverted) {
        this.real = real;
        this.diverted = diverted;
    }

    /** Binds {@code commands}' output to the current stdout, then sends {@code System.out} to the last one's stderr. */
    static StdoutGuard engage(List<CommandLine> commands) {
        commands.forEach(CommandLine::getOut); // picocli creates its writer on System.out at first use: now
        PrintStream real = System.out;
        PrintStream diverted =
                new PrintStream(new LinesTo(commands.get(commands.size() - 1).getErr()), true, StandardCharsets.UTF_8);
        System.setOut(diverted);
        return new StdoutGuard(real, diverted);
    }

    /** Puts the real stdout back (what was diverted and not yet flushed goes out first). */
    @Override
    public void close() {
        diverted.flush();
        System.setOut(real);
    }

    /** Bytes written to the diverted stream, decoded (UTF-8, as that stream encodes) and passed on line by line. */
    private static final class LinesTo extends OutputStream {
        private final PrintWriter target;
        private byte[] buffer = new byte[256];
        private int size;

        LinesTo(PrintWriter target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = (byte) b;
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() {
            if (size > 0) {
                target.print(new String(buffer, 0, size, StandardCharsets.UTF_8));
                size = 0;
            }
            target.flush();
        }
    }
}
