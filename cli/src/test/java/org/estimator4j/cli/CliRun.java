package org.estimator4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a configured command line in-process and captures its exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    public static CliRun e4j(String... args) {
        return of(E4j.commandLine(), args);
    }

    /** {@code e4j train --config CONFIG --no-eval}, each of {@code sets} as one {@code --set PATH=VALUE}. */
    public static CliRun trainWithoutEval(java.nio.file.Path config, String... sets) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("train", "--config", config.toString(), "--no-eval"));
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
