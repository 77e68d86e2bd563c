package org.estimator4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path dir;

    @Test
    void dataFilesAreHashedAsStreamsAndEnvironmentIsRecorded() throws Exception {
        // 48 MiB: larger than any buffer, hashed without loading it.
        Path big = dir.resolve("big.csv");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 48; i++) {
                java.util.Arrays.fill(block, (byte) i);
                out.write(block);
                expected.update(block);
            }
        }
        Path missing = dir.resolve("missing.csv");
        Map<String, String> items = Provenance.builder()
                .config("{\"a\":1}")
                .seed(42)
                .dataFiles(List.of(big, missing, big))
                .libraryVersion("9.9.9")
                .plugin("/plugins/focal.jar", "1.2")
                .workingDir(dir)
                .item("command", "train --config x.json")
                .build()
                .collect();
        assertEquals("{\"a\":1}", items.get("config"));
        assertEquals("42", items.get("seed"));
        assertEquals("9.9.9", items.get("library.version"));
        assertEquals("train --config x.json", items.get("command"));
        JsonNode files = new ObjectMapper().readTree(items.get("data.files"));
        assertEquals(2, files.size(), "duplicates are recorded once");
        assertEquals(48L << 20, files.get(0).get("size_bytes").asLong());
        assertEquals(
                HexFormat.of().formatHex(expected.digest()),
                files.get(0).get("sha256").asText());
        assertTrue(files.get(1).get("error").asText().contains("NoSuchFile"), files.toString());
        assertEquals("[{\"jar\":\"/plugins/focal.jar\",\"version\":\"1.2\"}]", items.get("plugins"));
        for (String key : new String[] {"java.version", "java.vendor", "os.name", "os.arch", "host", "user"}) {
            assertFalse(items.get(key).isBlank(), key);
        }
        assertFalse(items.containsKey("git.commit"), "a temp folder is no git checkout");
    }

    @Test
    void gitCommitAndDirtyFlagInACheckout() throws Exception {
        Assumptions.assumeTrue(run("git", "--version") == 0, "git is not installed");
        assertEquals(0, run("git", "init", "-q"));
        Files.writeString(dir.resolve("config.json"), "{}");
        assertEquals(0, run("git", "add", "config.json"));
        assertEquals(0, run("git", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "c"));
        Map<String, String> clean = Provenance.builder().workingDir(dir).build().collect();
        assertTrue(clean.get("git.commit").matches("[0-9a-f]{40}"), clean.toString());
        assertEquals("false", clean.get("git.dirty"));

        Files.writeString(dir.resolve("config.json"), "{\"changed\": true}");
        Map<String, String> dirty = Provenance.builder().workingDir(dir).build().collect();
        assertEquals(clean.get("git.commit"), dirty.get("git.commit"));
        assertEquals("true", dirty.get("git.dirty"));
    }

    /**
     * Issue 13, point 2: a checkout whose configuration names programs git would run during {@code git status}
     * (an fsmonitor hook, a clean filter for the config file, a post-index-change hook) gets its commit and dirty
     * flag read without any of them running.
     */
    @Test
    void noProgramTheRepositoryConfiguresRuns() throws Exception {
        Assumptions.assumeTrue(run("git", "--version") == 0, "git is not installed");
        assertEquals(0, run("git", "init", "-q"));
        Files.writeString(dir.resolve("config.json"), "{}");
        assertEquals(0, run("git", "add", "config.json"));
        assertEquals(0, run("git", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "c"));
        Path marker = dir.getParent().resolve(dir.getFileName() + "-owned");
        Path hook = script("evil-hook.sh", "echo \"$0 $*\" >> '" + marker + "'\n");
        Path filter = script("evil-filter.sh", "echo \"$0 $*\" >> '" + marker + "'\ncat\n");
        Files.createDirectories(dir.resolve(".git/hooks"));
        Files.copy(hook, dir.resolve(".git/hooks/post-index-change"));
        assertEquals(0, run("git", "config", "core.fsmonitor", hook.toString()));
        assertEquals(0, run("git", "config", "filter.evil.clean", filter.toString()));
        assertEquals(0, run("git", "config", "filter.evil.smudge", filter.toString()));
        Files.writeString(dir.resolve(".git/info/attributes"), "*.json filter=evil\n");
        // Git itself runs the hook here: the set-up is live, not a dead letter.
        assertEquals(0, run("git", "status", "--porcelain"));
        assertTrue(Files.exists(marker), "the repository's programs do not run under plain git status");
        Files.delete(marker);

        Map<String, String> clean = Provenance.builder().workingDir(dir).build().collect();
        assertTrue(clean.get("git.commit").matches("[0-9a-f]{40}"), clean.toString());
        assertEquals("false", clean.get("git.dirty"));
        // The same size: git must hash the file to see the change, through the clean filter if it may.
        Files.writeString(dir.resolve("config.json"), "[]");
        Map<String, String> dirty = Provenance.builder().workingDir(dir).build().collect();
        assertEquals(clean.get("git.commit"), dirty.get("git.commit"));
        assertEquals("true", dirty.get("git.dirty"));
        assertFalse(Files.exists(marker), () -> "ran: " + readQuietly(marker));
    }

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve(".git").resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private int run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (java.io.IOException noGit) {
            return -1;
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
