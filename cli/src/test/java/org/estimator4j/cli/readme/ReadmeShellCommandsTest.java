package org.estimator4j.cli.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeShellCommandsTest {

    @Test
    void indentedBlocksAndShellFencesAreCommandsWithTheirLines() {
        List<ReadmeCommand> commands = ReadmeShellCommands.parse(List.of(
                "# Title", // 1
                "", // 2
                "    mvn -B -q install && bin/e4j doctor", // 3
                "", // 4
                "```sh", // 5
                "# a comment line", // 6
                "bin/e4j train --config a.json   # resumes", // 7
                "```", // 8
                "```console", // 9
                "$ bin/e4j runs list", // 10
                "RUN ID  STATUS", // 11
                "```")); // 12
        assertEquals(
                List.of(
                        new ReadmeCommand(3, "mvn -B -q install"),
                        new ReadmeCommand(3, "bin/e4j doctor"),
                        new ReadmeCommand(7, "bin/e4j train --config a.json   # resumes"),
                        new ReadmeCommand(10, "bin/e4j runs list")),
                commands);
    }

    @Test
    void continuationLinesJoinIntoOneCommandOnTheFirstLine() {
        List<ReadmeCommand> commands = ReadmeShellCommands.parse(List.of(
                "text",
                "",
                "    bin/e4j features inspect --columns c.json \\",
                "        --input rows.jsonl --format json   # ids",
                "    bin/e4j runs search \"a = 'x && y'\" && echo done"));
        assertEquals(
                List.of(
                        new ReadmeCommand(
                                3,
                                "bin/e4j features inspect --columns c.json --input rows.jsonl --format json   # ids"),
                        new ReadmeCommand(5, "bin/e4j runs search \"a = 'x && y'\""),
                        new ReadmeCommand(5, "echo done")),
                commands);
    }

    @Test
    void otherFencesAndBlocksInsideListsAreNotCommands() {
        List<ReadmeCommand> commands = ReadmeShellCommands.parse(List.of(
                "```java",
                "    int x = 1;",
                "```",
                "```text",
                "com.example.Provider",
                "```",
                "- A mistake exits 2:",
                "",
                "      e4j runs search: filter error at column 42",
                "",
                "paragraph",
                "    not a block: no blank line before it"));
        assertEquals(List.of(), commands);
    }

    @Test
    void aTrailingCommentIsLeftOutWhenMatching() {
        assertEquals(
                "bin/e4j runs show 3f2a9c1d",
                new ReadmeCommand(1, "bin/e4j runs show   3f2a9c1d   # any prefix").withoutComment());
        assertEquals(
                "bin/e4j runs search \"a # b\"",
                new ReadmeCommand(1, "bin/e4j runs search \"a # b\"").withoutComment());
    }
}
