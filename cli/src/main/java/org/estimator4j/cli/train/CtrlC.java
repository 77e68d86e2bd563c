package org.estimator4j.cli.train;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) while {@code e4j train} runs: the first one only asks training to stop after the current step, so
 * the loop ends as usual (its final checkpoint saved) and the run is recorded KILLED; a second one ends the process
 * at once, as Ctrl-C does by default (the store's shutdown hook still marks the run KILLED). SIGTERM keeps its default.
 * Where the JVM does not let a program handle SIGINT (e.g. {@code -Xrs}), Ctrl-C keeps its default too.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean pressed = new AtomicBoolean();
    private final SignalHandler previous;

    private CtrlC(Runnable firstPress) {
        SignalHandler installed;
        try {
            installed = Signal.handle(INT, signal -> {
                if (pressed.compareAndSet(false, true)) {
                    firstPress.run();
                } else {
                    quitNow(signal);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            installed = null; // SIGINT is reserved here: keep the default
        }
        this.previous = installed;
    }

    /** Handles SIGINT until {@link #close}; {@code firstPress} runs (on the signal's thread) at the first Ctrl-C. */
    static CtrlC install(Runnable firstPress) {
        return new CtrlC(firstPress);
    }

    private void quitNow(Signal signal) {
        if (previous != null && previous != SignalHandler.SIG_DFL && previous != SignalHandler.SIG_IGN) {
            previous.handle(signal);
        } else {
            System.exit(130); // what the default SIGINT handling does: shutdown hooks, exit status 128 + 2
        }
    }

    /** Gives SIGINT back to whoever handled it before. */
    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
