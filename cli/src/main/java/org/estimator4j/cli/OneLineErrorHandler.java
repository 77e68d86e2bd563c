package org.estimator4j.cli;

import java.io.PrintWriter;
import org.estimator4j.api.Estimator4jException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into exit code 1 and one line on stderr that names the command
 * that failed, what went wrong and what to do. The stack trace follows only with the root's
 * {@code --verbose}.
 */
public final class OneLineErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine failed, ParseResult fullParseResult) {
        Throwable problem = ex instanceof CommandLine.ExecutionException && ex.getCause() != null
                ? ex.getCause() // an Error wrapped by E4j's execution strategy
                : ex;
        boolean verbose = fullParseResult.hasMatchedOption("--verbose");
        PrintWriter err = failed.getErr();
        err.println(oneLine(failed.getCommandSpec().qualifiedName(), problem, verbose));
        if (verbose) {
            problem.printStackTrace(err);
        }
        err.flush();
        return E4j.EXIT_FAILURE;
    }

    /**
     * {@code "<command> failed: <what went wrong>; <what to do>"}, never more than one line. What to do is the
     * exception's {@link Estimator4jException#hint() hint} where it has one, else how to see the stack trace.
     */
    static String oneLine(String command, Throwable problem, boolean verbose) {
        String what;
        String todo;
        if (problem instanceof Estimator4jException e
                && (e instanceof E4jException || e.hint().isPresent())) {
            what = flatten(e.problem());
            todo = e.hint()
                    .map(OneLineErrorHandler::flatten)
                    .orElse(verbose ? "stack trace follows" : "run with --verbose for details");
        } else {
            String message = flatten(problem.getMessage());
            what = explains(problem, message)
                    ? message
                    : problem.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
            todo = verbose ? "stack trace follows" : "run '" + withVerbose(command) + "' for the stack trace";
        }
        return command + " failed: " + what + "; " + todo;
    }

    /**
     * Whether the message alone tells the user what went wrong: Estimator4J's own exceptions and the argument, state
     * and I/O failures its library code raises with a sentence naming the file, row or setting. A failure that only
     * its class names (a NullPointerException, an index out of bounds: a bug) keeps the class name.
     */
    private static boolean explains(Throwable problem, String message) {
        if (message.isEmpty()) {
            return false;
        }
        return problem.getClass().getName().startsWith("org.estimator4j.")
                || problem.getClass() == IllegalArgumentException.class
                || problem.getClass() == IllegalStateException.class
                || problem instanceof java.io.UncheckedIOException
                || problem instanceof java.io.IOException;
    }

    /** "e4j doctor" -> "e4j --verbose doctor ...". */
    private static String withVerbose(String command) {
        int space = command.indexOf(' ');
        return space < 0
                ? command + " --verbose ..."
                : command.substring(0, space) + " --verbose" + command.substring(space) + " ...";
    }

    private static String flatten(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
