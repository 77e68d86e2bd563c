package org.estimator4j.store.query;

/**
 * A filter or sort key that does not parse, or asks for what cannot be (a string compared with a metric). The message
 * names the problem and the column, then shows the text with a caret under the mistake:
 *
 * <pre>
 * filter error at column 15: expected a value (a number or a 'quoted string'), found ')'
 *   metrics.auc > )
 *                 ^
 * </pre>
 *
 * Long texts are shown as a window around the column, so the caret stays on screen. It stays an
 * {@link IllegalArgumentException} rather than an {@link org.estimator4j.api.Estimator4jException}: a bad filter is a
 * bad argument, which the CLI reports as a usage error (exit code 2).
 */
public final class FilterSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Characters of context shown on each side of the column in long texts. */
    private static final int WINDOW = 60;

    private final String text;
    private final int column;
    private final String reason;

    /**
     * @param text the filter or sort key as typed
     * @param offset where the mistake starts, 0-based (the length of the text for "at the end")
     * @param reason what is wrong and, where it helps, what to write instead
     */
    public FilterSyntaxException(String text, int offset, String reason) {
        super(format(text, offset, reason));
        this.text = text;
        this.column = Math.max(0, Math.min(offset, text.length())) + 1;
        this.reason = reason;
    }

    /** The filter or sort key as typed. */
    public String text() {
        return text;
    }

    /** 1-based column (in UTF-16 characters) of the mistake; {@code length + 1} means "at the end". */
    public int column() {
        return column;
    }

    /** The problem alone, without the column and caret lines. */
    public String reason() {
        return reason;
    }

    private static String format(String text, int offset, String reason) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int from = Math.max(0, at - WINDOW);
        int to = Math.min(text.length(), at + WINDOW);
        String prefix = from > 0 ? "..." : "";
        String suffix = to < text.length() ? "..." : "";
        StringBuilder shown = new StringBuilder(prefix);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // Tabs, line breaks and other controls would push the caret off its column.
            shown.append(Character.isISOControl(c) ? ' ' : c);
        }
        shown.append(suffix);
        return "filter error at column " + (at + 1) + ": " + reason + "\n"
                + "  " + shown + "\n"
                + "  " + " ".repeat(prefix.length() + at - from) + "^";
    }
}
