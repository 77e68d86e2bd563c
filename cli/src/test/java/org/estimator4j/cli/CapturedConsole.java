package org.estimator4j.cli;

import com.google.inject.Module;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Console} for tests: stdout and stderr into strings, stdin from a given text, no terminal. Its
 * {@link #module()} replaces the production {@code ConsoleModule}.
 */
public final class CapturedConsole {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Console console;

    /** Empty stdin. */
    public CapturedConsole() {
        this("");
    }

    public CapturedConsole(String stdin) {
        console = new Console(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                false);
    }

    /** Binds {@link Console} to this one. */
    public Module module() {
        return binder -> binder.bind(Console.class).toInstance(console);
    }

    public Console console() {
        return console;
    }

    /** What was written to stdout so far. */
    public String out() {
        return out.toString();
    }

    /** What was written to stderr so far. */
    public String err() {
        return err.toString();
    }
}
