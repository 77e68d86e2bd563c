package org.estimator4j.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.List;
import org.estimator4j.cli.configcmd.ConfigCommand;
import org.estimator4j.cli.data.DataCommand;
import org.estimator4j.cli.doctor.DoctorCommand;
import org.estimator4j.cli.features.FeaturesCommand;
import org.estimator4j.cli.plugins.PluginsCommand;
import org.estimator4j.cli.quickstart.QuickstartCommand;
import org.estimator4j.cli.runs.ExperimentsCommand;
import org.estimator4j.cli.runs.RunsCommand;
import org.estimator4j.cli.store.StoreAdminCommand;
import org.estimator4j.cli.train.EvaluateCommand;
import org.estimator4j.cli.train.ExportCommand;
import org.estimator4j.cli.train.PredictCommand;
import org.estimator4j.cli.train.TrainCommand;
import org.estimator4j.cli.wiring.E4jModules;
import org.estimator4j.cli.wiring.GuiceFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code e4j} root command. Started by {@code bin/e4j}, which sets the JVM options and
 * {@code OMP_WAIT_POLICY} before this JVM exists.
 *
 * <p>Exit codes: {@value #EXIT_OK} ok, {@value #EXIT_FAILURE} failure (a command threw, or reported
 * failure), {@value #EXIT_USAGE} usage error (picocli's parameter exceptions).
 */
@Command(
        name = "e4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Estimator4J: train, evaluate and track tabular models on the JVM.",
        subcommands = {
            DoctorCommand.class,
            DataCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            ExportCommand.class,
            QuickstartCommand.class,
            PluginsCommand.class,
            RunsCommand.class,
            ExperimentsCommand.class,
            StoreAdminCommand.class,
            ConfigCommand.class,
            picocli.AutoComplete.GenerateCompletion.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:failure (run with --verbose for the stack trace)",
            "2:usage error (unknown option, missing or invalid argument)",
            "130:interrupted (Ctrl-C during e4j train; its checkpoint is saved)"
        })
public final class E4j {

    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    /** Read by {@link OneLineErrorHandler} from the parse result; declared here so picocli accepts it. */
    @Option(
            names = {"-v", "--verbose"},
            description = "On failure, print the full stack trace, not just a one-line error.")
    boolean verbose;

    /** The configured command line {@link #main} runs, wired by the production modules. */
    public static CommandLine commandLine() {
        return commandLine(Guice.createInjector(E4jModules.production()));
    }

    /**
     * The configured command line with every command created (and injected) by {@code injector}, writing to its
     * {@link Console}. Tests pass an injector whose modules they swapped ({@code Modules.override}).
     */
    public static CommandLine commandLine(Injector injector) {
        CommandLine cmd = new CommandLine(E4j.class, new GuiceFactory(injector));
        Console console = injector.getInstance(Console.class);
        cmd.setOut(console.out());
        cmd.setErr(console.err());
        // Every subcommand has --version (mixinStandardHelpOptions) and should print the same as
        // the root.
        cmd.getSubcommands()
                .values()
                .forEach(sub -> sub.getCommandSpec()
                        .versionProvider(cmd.getCommandSpec().versionProvider()));
        cmd.setExecutionStrategy(E4j::runLastReportingLinkageErrors);
        cmd.setExecutionExceptionHandler(new OneLineErrorHandler());
        return cmd;
    }

    /**
     * picocli's default strategy, except that a {@link LinkageError} (a native library or class that does
     * not load, e.g. ND4J's backend) is reported like an exception: one line and exit 1, not a JVM crash
     * dump. Other errors (out of memory and the like) still propagate. While the command runs, stdout is its own
     * ({@link StdoutGuard}): other code's {@code System.out} writes go to stderr.
     */
    private static int runLastReportingLinkageErrors(ParseResult parseResult) {
        try (StdoutGuard stdout = StdoutGuard.engage(parseResult.asCommandLineList())) {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (LinkageError e) {
            List<CommandLine> parsed = parseResult.asCommandLineList();
            throw new CommandLine.ExecutionException(parsed.get(parsed.size() - 1), e.toString(), e);
        }
    }

    public static void main(String[] args) {
        // One line per record (the JDK's default spends two) for libraries that log through java.util.logging (the
        // PostgreSQL driver); Estimator4J itself logs through SLF4J (simplelogger.properties).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %5$s%6$s%n");
        }
        System.exit(commandLine().execute(args));
    }
}
