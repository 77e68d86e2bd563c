package org.estimator4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The streams a command talks through: its output ({@code out}, what a script reads), its messages and progress
 * ({@code err}), its input ({@code in}, what {@code --input -} reads), and whether it sits at a terminal that a
 * progress line may be redrawn on and colours shown. {@link E4j#commandLine} gives every command {@code out} and
 * {@code err} as picocli's {@code getOut()} / {@code getErr()}; commands that read input or ask about the terminal
 * inject it. Bound by {@code wiring.ConsoleModule}; tests bind one with captured streams.
 *
 * @param terminal stderr is an interactive terminal (so a live progress line can be redrawn in place)
 */
public record Console(PrintWriter out, PrintWriter err, InputStream in, boolean terminal) {
    public Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
    }
}
