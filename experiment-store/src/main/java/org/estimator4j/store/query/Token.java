package org.estimator4j.store.query;

/**
 * One lexical token of a filter or sort key. {@code start} and {@code end} are offsets into the text; {@code text} is
 * the raw text, except for {@link Type#FIELD} (the kind as written) and {@link Type#OPERATOR} (normalised:
 * {@code ==} is {@code =}, {@code <>} is {@code !=}); {@code value} is a string's or a key's unescaped content.
 */
record Token(Type type, int start, int end, String text, String value, int keyStart) {

    enum Type {
        /** {@code kind.key}: {@code metrics.auc}, {@code params.`odd/key`}. */
        FIELD,
        /** A bare word: a keyword, or a field written without its kind. */
        WORD,
        NUMBER,
        STRING,
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        END
    }

    static Token simple(Type type, int start, int end, String text) {
        return new Token(type, start, end, text, null, -1);
    }

    boolean isKeyword(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How an error message names this token: {@code ')'}, {@code 'AND'}, {@code the end of the filter}. */
    String describe(String source) {
        if (type == Type.END) {
            return "the end of the text";
        }
        String raw = source.substring(start, end);
        return "'" + (raw.length() > 30 ? raw.substring(0, 27) + "..." : raw) + "'";
    }
}
