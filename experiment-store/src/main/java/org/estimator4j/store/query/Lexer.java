package org.estimator4j.store.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter or sort key into {@link Token}s, failing with a {@link FilterSyntaxException} at the bad column. */
final class Lexer {
    private final String source;
    private int pos;

    private Lexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, ending with one {@link Token.Type#END}. */
    static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.type() != Token.Type.END);
        return tokens;
    }

    private Token next() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= source.length()) {
            return Token.simple(Token.Type.END, start, start, "");
        }
        char c = source.charAt(pos);
        if (c == '\0') {
            throw error(start, "the text contains a NUL character, which no key or value can hold");
        }
        if (Character.isLetter(c) || c == '_') {
            return word();
        }
        if (startsNumber(pos)) {
            return number();
        }
        switch (c) {
            case '\'', '"' -> {
                String value = quoted(c, "string");
                return new Token(Token.Type.STRING, start, pos, source.substring(start, pos), value, -1);
            }
            case '`' -> throw error(start, "a `quoted key` follows its kind, as in metrics.`val/auc`");
            case '(' -> {
                pos++;
                return Token.simple(Token.Type.LEFT_PAREN, start, pos, "(");
            }
            case ')' -> {
                pos++;
                return Token.simple(Token.Type.RIGHT_PAREN, start, pos, ")");
            }
            case ',' -> {
                pos++;
                return Token.simple(Token.Type.COMMA, start, pos, ",");
            }
            case '=' -> {
                pos += peek(1) == '=' ? 2 : 1;
                return Token.simple(Token.Type.OPERATOR, start, pos, "=");
            }
            case '!' -> {
                if (peek(1) != '=') {
                    throw error(start, "'!' only appears in '!='; use NOT to negate a condition");
                }
                pos += 2;
                return Token.simple(Token.Type.OPERATOR, start, pos, "!=");
            }
            case '<' -> {
                char n = peek(1);
                pos += n == '=' || n == '>' ? 2 : 1;
                return Token.simple(Token.Type.OPERATOR, start, pos, n == '=' ? "<=" : n == '>' ? "!=" : "<");
            }
            case '>' -> {
                boolean orEqual = peek(1) == '=';
                pos += orEqual ? 2 : 1;
                return Token.simple(Token.Type.OPERATOR, start, pos, orEqual ? ">=" : ">");
            }
            default ->
                throw error(
                        start,
                        "unexpected character '" + new String(Character.toChars(source.codePointAt(start)))
                                + "'; a filter holds conditions such as metrics.auc > 0.8");
        }
    }

    /** A keyword, or {@code kind.key} when a dot follows the word. */
    private Token word() {
        int start = pos;
        while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
            pos++;
        }
        String word = source.substring(start, pos);
        if (peek(0) != '.') {
            return Token.simple(Token.Type.WORD, start, pos, word);
        }
        pos++; // the dot
        int keyStart = pos;
        char c = peek(0);
        String key;
        if (c == '`' || c == '"') {
            key = quoted(c, "key");
            if (key.isEmpty()) {
                throw error(keyStart, "a key cannot be empty");
            }
        } else if (pos < source.length() && Field.isPlainKeyChar(c) && c != '.' && c != '-') {
            while (pos < source.length() && Field.isPlainKeyChar(source.charAt(pos))) {
                pos++;
            }
            key = source.substring(keyStart, pos);
        } else {
            throw error(
                    keyStart,
                    "expected a key after '" + word + ".'; quote odd keys in backticks, as in " + word + ".`val/auc`");
        }
        return new Token(Token.Type.FIELD, start, pos, word, key, keyStart);
    }

    /** A digit, or a sign or a dot before one: {@code 3}, {@code -0.5}, {@code .5}, {@code +1e3}. */
    private boolean startsNumber(int at) {
        char c = peek(at - pos);
        if (Character.isDigit(c) && c < 128) {
            return true;
        }
        if (c == '.') {
            return isAsciiDigit(peek(at - pos + 1));
        }
        if (c == '-' || c == '+') {
            char n = peek(at - pos + 1);
            return isAsciiDigit(n) || (n == '.' && isAsciiDigit(peek(at - pos + 2)));
        }
        return false;
    }

    private Token number() {
        int start = pos;
        if (peek(0) == '-' || peek(0) == '+') {
            pos++;
        }
        digits();
        if (peek(0) == '.') {
            pos++;
            digits();
        }
        if (peek(0) == 'e' || peek(0) == 'E') {
            pos++;
            if (peek(0) == '-' || peek(0) == '+') {
                pos++;
            }
            if (!isAsciiDigit(peek(0))) {
                throw error(pos, "expected the exponent's digits in " + source.substring(start, pos));
            }
            digits();
        }
        char after = peek(0);
        if (Character.isLetterOrDigit(after) || after == '_' || after == '.') {
            throw error(
                    pos,
                    "malformed number: '" + source.substring(start, pos) + "' runs into '" + after
                            + "'; leave a space after a number");
        }
        String text = source.substring(start, pos);
        try {
            new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(start, "the number " + text + " is out of range");
        }
        return Token.simple(Token.Type.NUMBER, start, pos, text);
    }

    private void digits() {
        while (isAsciiDigit(peek(0))) {
            pos++;
        }
    }

    /** Reads a quoted string or key from {@code pos} (at the opening quote); a doubled quote stands for one. */
    private String quoted(char quote, String what) {
        int open = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= source.length()) {
                throw error(
                        open,
                        "unterminated " + what + ": close it with " + quote + " (write " + quote + quote + " for a "
                                + quote + " inside it)");
            }
            char c = source.charAt(pos);
            if (c == '\0') {
                throw error(pos, "the text contains a NUL character, which no key or value can hold");
            }
            if (c == quote) {
                if (peek(1) == quote) {
                    b.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return b.toString();
            }
            b.append(c);
            pos++;
        }
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at >= 0 && at < source.length() ? source.charAt(at) : '\uFFFF';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private FilterSyntaxException error(int offset, String reason) {
        return new FilterSyntaxException(source, offset, reason);
    }
}
