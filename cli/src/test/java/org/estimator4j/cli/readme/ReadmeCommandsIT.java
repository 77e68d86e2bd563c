package org.estimator4j.cli.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md works in order on a fresh clone: every shell command its code blocks show ({@link ReadmeShellCommands})
 * runs, in order, as a process in a copy of the repository's files (a fresh clone's layout, with the build's jars and
 * {@code ../shared} beside it when present), with HOME and E4J_STORE in a temporary folder so no user's store or
 * plugins are touched. The first command that exits non-zero or prints an error fails the test, naming its README line.
 *
 * <p>A new README command runs by default. The few that cannot run here are listed in {@link #NOT_RUN} with the
 * reason; {@link #RUN_ID_PLACEHOLDERS} maps the README's example run ids to the runs its own commands recorded. Where
 * {@code ../shared/data} is absent the commands that read it are skipped, and the test reports itself skipped with
 * the list.
 */
class ReadmeCommandsIT {

    /** Commands (as written, without their comment; a prefix matches) that the test does not run, and why. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "mvn -B -q install -DskipTests",
            "the set-up build: this test runs against the build it is part of, and must not install into ~/.m2",
            "mvn -B verify",
            "the test suite this test is part of",
            "mvn -B -q package",
            "builds the reader's own plugin project from the snippets above the command",
            "cp target/hinge-plugin-1.0.jar",
            "copies the jar of that plugin project, which the test does not build",
            "bin/e4j plugins describe example.squared_hinge",
            "needs that plugin's jar",
            "bench/compare.sh",
            "takes 5 to 15 minutes and builds TensorFlow-Java's side; bench has its own tests");

    /** The README's example run ids, and which run recorded by its commands (0 = the first) each stands for. */
    private static final Map<String, Integer> RUN_ID_PLACEHOLDERS = Map.of("3f2a9c1d", 0, "7be01a44", 1);

    private static final long TIMEOUT_SECONDS = 600;
    private static final Pattern RECORDED_RUN = Pattern.compile("recording run ([0-9a-f]{32})");
    private static final Pattern CONFIG = Pattern.compile("--config[= ](\\S+)");
    /** What an error looks like in a command's output, even when it exits 0. */
    private static final Pattern ERROR_OUTPUT =
            Pattern.compile("Exception|^\\s+at [\\w$.]+\\(|^(ERROR|SEVERE)\\b|^e4j\\b[\\w -]*:", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    private Path repoRoot;
    private Path clone;
    private Path shared;

    @Test
    void everyReadmeCommandWorksInOrderOnAFreshClone() throws Exception {
        repoRoot = Path.of(System.getProperty("e4j.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        assertTrue(
                Files.isRegularFile(repoRoot.resolve("cli/target/e4j.jar")),
                "cli/target/e4j.jar is built in 'package', before failsafe runs");
        clone = freshClone();
        List<ReadmeCommand> commands =
                ReadmeShellCommands.parse(Files.readAllLines(repoRoot.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(commands.size() > 10, "README.md shows shell commands: " + commands);

        List<String> recordedRuns = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ReadmeCommand command : commands) {
            String reason = notRunReason(command);
            if (reason != null) {
                System.out.println(command + "\n    not run: " + reason);
                continue;
            }
            Optional<String> text = withRunIds(command, recordedRuns);
            if (text.isEmpty() && skipped.isEmpty()) {
                fail(command + "\n  names an example run id, but the README's commands above it recorded only "
                        + recordedRuns.size() + " runs (see RUN_ID_PLACEHOLDERS)");
            }
            Optional<String> missing = text.isEmpty()
                    ? Optional.of("the runs it names were not recorded")
                    : missingInput(text.get(), !skipped.isEmpty());
            if (missing.isPresent()) {
                System.out.println(command + "\n    skipped: " + missing.get());
                skipped.add("README.md:" + command.line() + " (" + missing.get() + ")");
                continue;
            }
            Result result = run(text.get());
            System.out.printf("%s%n    exit %d in %.1f s%n", command, result.exit(), result.seconds());
            Matcher error = ERROR_OUTPUT.matcher(result.output());
            if (result.exit() != 0 || error.find()) {
                String what = command + "\n  " + (result.exit() != 0 ? "exited " + result.exit() : "printed an error")
                        + " (in " + clone + (text.get().equals(command.text()) ? "" : ", as: " + text.get())
                        + "):\n" + tail(result.output());
                if (shared == null && !skipped.isEmpty()) { // it may need the runs of the skipped trainings
                    skipped.add("README.md:" + command.line() + " (failed after commands that need ../shared/data)");
                    System.out.println("    failed after skipped commands: " + what);
                    continue;
                }
                fail(what);
            }
            RECORDED_RUN.matcher(result.output()).results().forEach(m -> recordedRuns.add(m.group(1)));
        }
        // Without the real data most of the README cannot run: say so as a skip. A jar this build did not make (a
        // partial build such as -pl cli -am) skips only the commands that need it, listed in the output.
        Assumptions.assumeTrue(
                shared != null || skipped.isEmpty(),
                () -> "../shared/data is absent; README commands skipped: " + skipped);
        if (!skipped.isEmpty()) {
            System.out.println("README commands skipped: " + skipped);
        }
    }

    private static String notRunReason(ReadmeCommand command) {
        String text = command.withoutComment();
        for (Map.Entry<String, String> e : NOT_RUN.entrySet()) {
            if (text.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        if (text.startsWith("mvn ")) { // never run: it could install into the ~/.m2 other builds share
            fail(command + "\n  a new mvn command: add it to ReadmeCommandsIT.NOT_RUN with the reason");
        }
        return null;
    }

    /** The command with the README's example run ids replaced by recorded ones; empty when too few were recorded. */
    private static Optional<String> withRunIds(ReadmeCommand command, List<String> recordedRuns) {
        String text = command.text();
        for (Map.Entry<String, Integer> e : RUN_ID_PLACEHOLDERS.entrySet()) {
            if (Pattern.compile("\\b" + e.getKey() + "\\b").matcher(text).find()) {
                if (recordedRuns.size() <= e.getValue()) {
                    return Optional.empty();
                }
                text = text.replaceAll("\\b" + e.getKey() + "\\b", recordedRuns.get(e.getValue()));
            }
        }
        return Optional.of(text);
    }

    /**
     * Why a command cannot run here, if it cannot: it names a jar the build has not made (the module was not in this
     * build), its config reads data from an absent {@code ../shared}, or an input that a command skipped before it
     * would have written. An input missing for any other reason is the README's mistake, and the command runs and fails.
     */
    private Optional<String> missingInput(String text, boolean earlierSkipped) throws IOException {
        Matcher jar = Pattern.compile("(\\S+/target/\\S+\\.jar)").matcher(text);
        while (jar.find()) {
            if (!text.startsWith("cp ") && !Files.exists(clone.resolve(jar.group(1)))) {
                return Optional.of(jar.group(1) + " is not built (its module was not part of this build)");
            }
        }
        Matcher config = CONFIG.matcher(text);
        if (!config.find() || !Files.isRegularFile(clone.resolve(config.group(1)))) {
            return Optional.empty();
        }
        Path file = clone.resolve(config.group(1));
        ObjectMapper mapper =
                file.toString().matches(".*\\.ya?ml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        JsonNode data = mapper.readTree(file.toFile()).path("data");
        for (String split : List.of("train_files", "eval_files")) {
            for (JsonNode name : data.path(split)) {
                Path input = file.getParent().resolve(name.asText()).normalize();
                if (name.asText().contains("*") || Files.exists(input)) {
                    continue;
                }
                if (shared == null && input.startsWith(clone.getParent().resolve("shared"))) {
                    return Optional.of(config.group(1) + " reads " + name.asText() + ": ../shared/data is absent");
                }
                if (earlierSkipped) {
                    return Optional.of(config.group(1) + " reads " + name.asText()
                            + ", absent: the command above that writes it was skipped or had no data to read");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The repository as a clone has it ({@code git ls-files}: tracked and new files, none ignored), the build's jars
     * ({@code <module>/target/*.jar}, as after the README's set-up build) linked in, and {@code ../shared} linked beside
     * it when the repository has one.
     */
    private Path freshClone() throws IOException, InterruptedException {
        Path copy = Files.createDirectories(tmp.resolve("clone/repo"));
        for (String name : repositoryFiles()) {
            Path source = repoRoot.resolve(name);
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                continue; // deleted in the working tree
            }
            Path target = copy.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        try (Stream<Path> files = Files.walk(repoRoot, 4)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")
                            && p.getParent().getFileName().toString().equals("target")
                            && !repoRoot.relativize(p).startsWith(".git"))
                    .toList()) {
                Path target = copy.resolve(repoRoot.relativize(jar).toString());
                Files.createDirectories(target.getParent());
                Files.createSymbolicLink(target, jar);
            }
        }
        Path realShared = repoRoot.resolveSibling("shared");
        if (Files.isDirectory(realShared.resolve("data"))) {
            shared = Files.createSymbolicLink(copy.resolveSibling("shared"), realShared.toRealPath());
        }
        Files.createDirectories(tmp.resolve("home"));
        return copy;
    }

    private List<String> repositoryFiles() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(repoRoot.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = git.getInputStream().readAllBytes();
        if (git.waitFor() == 0 && out.length > 0) {
            return List.of(new String(out, StandardCharsets.UTF_8).split("\0"));
        }
        // Not a git checkout (e.g. a source archive): every file outside build output and dot folders.
        try (Stream<Path> files = Files.walk(repoRoot)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> repoRoot.relativize(p).toString())
                    .filter(p -> !p.matches("(.*/)?(target|\\.[^/]+)/.*"))
                    .toList();
        }
    }

    private record Result(int exit, String output, double seconds) {}

    private Result run(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(clone.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("E4J_"));
        env.put("HOME", tmp.resolve("home").toString());
        env.put("E4J_STORE", tmp.resolve("home/store/e4j").toString());
        Path log = tmp.resolve("command.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process process = pb.start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(command + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + tail(Files.readString(log)));
        }
        return new Result(
                process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
