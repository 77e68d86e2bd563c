package org.estimator4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of the API (outside {@code internal} packages) says in its Javadoc since which version
 * it exists, so a user can tell what an upgrade may have added. Reads the sources, as Javadoc is not in the classes.
 */
class PublicTypesSinceTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*"
                    + "(?:class|interface|record|enum|@interface)\\s+\\w+",
            Pattern.MULTILINE);
    /** The Javadoc comment right before the declaration, annotations allowed in between. */
    private static final Pattern JAVADOC_BEFORE =
            Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*$", Pattern.DOTALL);

    private static final Pattern SINCE = Pattern.compile("@since \\d+\\.\\d+\\.\\d+\\b");

    @Test
    void everyPublicApiTypeSaysSinceWhichVersion() throws IOException {
        List<Path> sources = apiSources();
        List<String> missing = sources.stream()
                .filter(PublicTypesSinceTest::isPublicTypeWithoutSince)
                .map(p -> SOURCES.relativize(p).toString())
                .sorted()
                .toList();

        assertTrue(sources.size() > 30, "found only " + sources.size() + " sources under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), missing, "public API types without '@since <version>' in their Javadoc");
    }

    @Test
    void aTypeWithoutSinceIsFound() {
        assertTrue(lacksSince("package a;\n\n/** A thing. */\npublic final class Thing {}\n"));
        assertTrue(lacksSince("package a;\n\npublic record Thing(int a) {}\n"));
        assertTrue(!lacksSince(
                "package a;\n\n/**\n * A thing.\n *\n * @since 0.1.0\n */\n@Deprecated\npublic enum Thing {}\n"));
        assertTrue(!lacksSince("package a;\n\nfinal class Hidden {}\n"));
    }

    private static List<Path> apiSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .filter(p ->
                            !SOURCES.relativize(p).toString().replace('\\', '/').contains("/internal/"))
                    .toList();
        }
    }

    private static boolean isPublicTypeWithoutSince(Path source) {
        try {
            return lacksSince(Files.readString(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean lacksSince(String source) {
        Matcher type = PUBLIC_TYPE.matcher(source);
        if (!type.find()) {
            return false;
        }
        Matcher doc = JAVADOC_BEFORE.matcher(source.substring(0, type.start()));
        return !doc.find() || !SINCE.matcher(doc.group(1)).find();
    }
}
