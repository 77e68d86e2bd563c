package org.estimator4j.cli.readme;

/**
 * One shell command shown in README.md: its 1-based line in the file and its text, with continuation lines joined and
 * split at top-level {@code &&} (so {@code mvn ... && bin/e4j doctor} is two commands on the same line).
 */
record ReadmeCommand(int line, String text) {

    /** The text without a trailing {@code # comment} (a {@code #} inside quotes is kept), whitespace collapsed. */
    String withoutComment() {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return text.substring(0, i).strip().replaceAll("\\s+", " ");
            }
        }
        return text.strip().replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "README.md:" + line + ": " + text;
    }
}
