package org.estimator4j.store.query;

import java.util.Objects;

/**
 * What a filter or sort key refers to: a metric, param or tag by key, or a run attribute. Metric, param and tag keys
 * are case-sensitive, as stored; attribute names are canonical ({@link Attribute#canonicalName()}).
 */
public record Field(Kind kind, String key) {

    /** The longest key the store holds (the width of {@code metric_key}, {@code param_key}, {@code tag_key}). */
    public static final int MAX_KEY_LENGTH = 256;

    /** Where the value lives. The value types follow MLflow: metrics are numbers, params and tags are strings. */
    public enum Kind {
        METRIC("metrics"),
        PARAM("params"),
        TAG("tags"),
        ATTRIBUTE("attributes");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** How a filter names the kind: {@code metrics}, {@code params}, {@code tags}, {@code attributes}. */
        public String prefix() {
            return prefix;
        }
    }

    public Field {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a key has 1 to " + MAX_KEY_LENGTH + " characters, got " + key.length());
        }
        if (kind == Kind.ATTRIBUTE) {
            String name = key;
            key = Attribute.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException(Attribute.unknownMessage(name)))
                    .canonicalName();
        }
    }

    public static Field metric(String key) {
        return new Field(Kind.METRIC, key);
    }

    public static Field param(String key) {
        return new Field(Kind.PARAM, key);
    }

    public static Field tag(String key) {
        return new Field(Kind.TAG, key);
    }

    public static Field attribute(Attribute attribute) {
        return new Field(Kind.ATTRIBUTE, attribute.canonicalName());
    }

    /** The attribute this field names; only for {@link Kind#ATTRIBUTE}. */
    public Attribute attribute() {
        if (kind != Kind.ATTRIBUTE) {
            throw new IllegalStateException(this + " is not an attribute");
        }
        return Attribute.byName(key).orElseThrow();
    }

    /** Whether values of this field are numbers (metrics, times) rather than strings. */
    public boolean numeric() {
        return switch (kind) {
            case METRIC -> true;
            case PARAM, TAG -> false;
            case ATTRIBUTE -> attribute().numeric();
        };
    }

    /** {@code metrics.auc}, or {@code metrics.`val/auc`} when the key is not a plain name. */
    @Override
    public String toString() {
        return kind.prefix() + "." + (isPlainKey(key) ? key : "`" + key.replace("`", "``") + "`");
    }

    /** Keys a filter may write without backticks: letters, digits, '_', '.', '-', not starting with '.' or '-'. */
    static boolean isPlainKey(String key) {
        if (key.isEmpty() || key.charAt(0) == '.' || key.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!isPlainKeyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isPlainKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
