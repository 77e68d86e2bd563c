package org.estimator4j.cli.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shell commands of a Markdown file, in order, the way README.md writes them: top-level indented code blocks (the
 * block's first line indented by exactly four spaces; a block indented further sits inside a list item and shows
 * output, such as an error message) and fenced blocks tagged {@code sh}, {@code bash}, {@code shell} or
 * {@code console} (there only the lines after a {@code $ } prompt). Fences in other languages (java, json, sql, xml,
 * text) are not commands. Lines ending in {@code \} continue on the next line; blank lines and {@code #} comment lines
 * are not commands.
 */
final class ReadmeShellCommands {
    private static final Set<String> SHELL_FENCES = Set.of("sh", "bash", "shell", "console");

    private ReadmeShellCommands() {}

    static List<ReadmeCommand> parse(List<String> markdown) {
        List<ReadmeCommand> commands = new ArrayList<>();
        String fence = null; // the info string of the open fence, null outside fences
        boolean inIndentedBlock = false;
        boolean previousBlank = true;
        StringBuilder pending = null; // a command continued with a trailing backslash
        int pendingLine = 0;
        for (int i = 0; i < markdown.size(); i++) {
            String raw = markdown.get(i);
            String shellLine = null;
            int indent = raw.length() - raw.stripLeading().length();
            if (!raw.isBlank() && indent < 4) {
                inIndentedBlock = false;
            }
            if (fence != null) {
                if (raw.strip().startsWith("```")) {
                    fence = null;
                } else if (fence.equals("console")) {
                    String s = raw.strip();
                    shellLine = s.startsWith("$ ") ? s.substring(2) : null;
                } else if (SHELL_FENCES.contains(fence)) {
                    shellLine = raw;
                }
            } else if (raw.strip().startsWith("```") && indent < 4) {
                String info = raw.strip().substring(3).strip();
                fence = info.isEmpty() ? "" : info.split("[\\s{]", 2)[0].toLowerCase(java.util.Locale.ROOT);
            } else if (raw.isBlank()) {
                previousBlank = true;
                continue; // an indented block may hold blank lines
            } else {
                if (inIndentedBlock && indent >= 4 || previousBlank && indent == 4 && raw.charAt(0) == ' ') {
                    inIndentedBlock = true;
                    shellLine = raw.substring(4);
                } else {
                    inIndentedBlock = false;
                }
            }
            previousBlank = false;
            if (shellLine == null) {
                continue;
            }
            String s = shellLine.strip();
            if (pending == null && (s.isEmpty() || s.startsWith("#"))) {
                continue;
            }
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = i + 1;
            } else {
                pending.append(' ');
            }
            if (s.endsWith("\\")) {
                pending.append(s.substring(0, s.length() - 1).strip());
                continue;
            }
            pending.append(s);
            for (String part : splitAtAnd(pending.toString())) {
                commands.add(new ReadmeCommand(pendingLine, part));
            }
            pending = null;
        }
        return List.copyOf(commands);
    }

    /** Splits at {@code &&} outside quotes and after any {@code #} comment has started. */
    private static List<String> splitAtAnd(String line) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                break; // the rest is a comment: it stays with the last part
            } else if (c == '&' && i + 1 < line.length() && line.charAt(i + 1) == '&') {
                parts.add(line.substring(start, i).strip());
                start = i + 2;
                i++;
            }
        }
        parts.add(line.substring(start).strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }
}
