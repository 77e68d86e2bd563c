package org.estimator4j.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.estimator4j.cli.wiring.E4jModules;
import picocli.CommandLine;

/**
 * Runs {@code e4j} in-process and captures its exit code, stdout and stderr. Commands are created as in production,
 * through the Guice modules; a test swaps a module ({@link #e4j(Module, String...)}) rather than building commands by
 * hand.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** {@code e4j ARGS} with the production modules and a {@link CapturedConsole}. */
    public static CliRun e4j(String... args) {
        return e4j(Modules.EMPTY_MODULE, args);
    }

    /**
     * {@code e4j ARGS} with {@code swap}'s bindings replacing the production modules' (a fixed clock, another store
     * opener, a console of its own), output captured unless {@code swap} binds its own console.
     */
    public static CliRun e4j(Module swap, String... args) {
        return e4j(new CapturedConsole(), swap, args);
    }

    /** {@code e4j ARGS} talking through {@code console} (its stdin, for {@code --input -}), {@code swap} over all. */
    public static CliRun e4j(CapturedConsole console, Module swap, String... args) {
        int exitCode = E4j.commandLine(injector(console, swap)).execute(args);
        return new CliRun(exitCode, console.out(), console.err());
    }

    /** The root command line as {@link #e4j(String...)} runs it, for tests that add to it before running. */
    public static CommandLine commandLine() {
        return E4j.commandLine(injector(new CapturedConsole(), Modules.EMPTY_MODULE));
    }

    /** The production modules, overridden by {@code console}'s, then by {@code swap}. */
    public static Injector injector(CapturedConsole console, Module swap) {
        return Guice.createInjector(Modules.override(E4jModules.production())
                .with(Modules.override(console.module()).with(swap)));
    }

    /** {@code e4j train --config CONFIG --no-eval}, each of {@code sets} as one {@code --set PATH=VALUE}. */
    public static CliRun trainWithoutEval(java.nio.file.Path config, String... sets) {
        java.util.List<String> args =
                new java.util.ArrayList<>(java.util.List.of("train", "--config", config.toString(), "--no-eval"));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return e4j(args.toArray(String[]::new));
    }

    /** stderr's non-empty lines. */
    public java.util.List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }
}
