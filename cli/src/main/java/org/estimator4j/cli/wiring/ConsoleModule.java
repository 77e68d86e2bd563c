package org.estimator4j.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.estimator4j.cli.Console;
import picocli.CommandLine;

/**
 * The process's console: stdout and stderr as picocli writes them by default (its encodings, autoflush), stdin, and
 * whether a terminal is attached. Tests override it with captured streams.
 */
public final class ConsoleModule extends AbstractModule {
    @Provides
    @Singleton
    Console console() {
        // picocli's own default writers (System.out / System.err in the encodings it picks for them), so that wiring
        // them through Guice changes nothing in what reaches the terminal.
        CommandLine defaults = new CommandLine(CommandLine.Model.CommandSpec.create());
        return new Console(defaults.getOut(), defaults.getErr(), System.in, System.console() != null);
    }
}
