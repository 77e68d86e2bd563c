package org.estimator4j.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs read-only git commands ({@code rev-parse}, {@code status}) in a folder that may belong to someone else
 * without running any program that folder's repository configures. A repository's {@code .git/config} can name
 * programs git runs on its own during {@code git status}: {@code core.fsmonitor} (a hook asked which files changed),
 * clean/smudge/process filters (run on files {@code .gitattributes} assigns them to, to hash their content), hooks
 * (post-index-change, when status refreshes the index), submodules (git runs in them, with their own config). So:
 *
 * <ul>
 *   <li>{@code -c core.fsmonitor=false}, {@code -c core.hooksPath=/dev/null} (no hooks), every filter driver the
 *       configuration defines overridden with empty commands and {@code required=false} (their names are read with
 *       {@code git config}, which runs nothing), {@code --ignore-submodules=all}, no submodule summary, no external
 *       diff;
 *   <li>{@code GIT_OPTIONAL_LOCKS=0}: status does not write the index back (no lock, no hook, a read-only checkout
 *       works);
 *   <li>none of the caller's {@code GIT_*} variables (an inherited {@code GIT_EXTERNAL_DIFF} or {@code GIT_DIR}).
 * </ul>
 *
 * <p>The user's own global and system configuration still apply (their ignore files, {@code safe.directory}), so the
 * dirty flag is what they see; the overrides above win over every level, so programs named there do not run either.
 */
final class SafeGit {
    private static final List<String> HARDENING = List.of(
            "-c",
            "core.fsmonitor=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "diff.external=",
            "-c",
            "status.submoduleSummary=false",
            "-c",
            "core.untrackedCache=false");

    private final Path dir;
    private final long timeoutSeconds;

    SafeGit(Path dir, long timeoutSeconds) {
        this.dir = dir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The checked-out commit, or null outside a checkout (or without git). */
    String headCommit() {
        String commit = run(hardening(), "rev-parse", "HEAD");
        return commit != null && commit.matches("[0-9a-f]{40,64}") ? commit : null;
    }

    /** Whether the checkout has changes (untracked files count, submodules do not), or null when git cannot say. */
    Boolean dirty() {
        List<String> options = hardening();
        if (options == null) {
            return null;
        }
        String status = run(options, "status", "--porcelain", "--ignore-submodules=all", "--no-renames");
        return status == null ? null : !status.isBlank();
    }

    /** The {@code -c} options, with every configured filter driver disabled; null when a driver cannot be named. */
    private List<String> hardening() {
        List<String> options = new ArrayList<>(HARDENING);
        String filters = run(List.of(), "config", "--name-only", "--get-regexp", "^filter\\.");
        if (filters == null) {
            return options; // none configured (git config exits 1), or no repository
        }
        for (String key : filters.lines().toList()) {
            int last = key.lastIndexOf('.');
            if (last <= "filter.".length()) {
                continue;
            }
            String driver = key.substring("filter.".length(), last);
            if (driver.contains("=") || driver.contains("\n")) {
                return null; // cannot be overridden on the command line: ask git nothing
            }
            for (String setting : new String[] {"clean=", "smudge=", "process=", "required=false"}) {
                options.add("-c");
                options.add("filter." + driver + "." + setting);
            }
        }
        return options;
    }

    /** Runs git and returns its trimmed output, or null when git is missing, fails, or takes too long. */
    private String run(List<String> options, String... args) {
        if (options == null) {
            return null;
        }
        Path out = null;
        Process p = null;
        try {
            out = Files.createTempFile("e4j-git", ".out");
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(options);
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> name.startsWith("GIT_"));
            env.put("GIT_OPTIONAL_LOCKS", "0");
            env.put("GIT_TERMINAL_PROMPT", "0");
            env.put("GIT_PAGER", "cat");
            p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return Files.readString(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null; // no git, or no such directory
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
