package org.estimator4j.features.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a JSON tree the way {@code json.dumps(config, indent=2)} would, except that arrays of plain values stay on
 * one line ({@code "boundaries": [0, 2, 4, 6]}). Floats print in their shortest exact form, integral ones without a
 * fraction ({@code 18}, not {@code 18.0}), so parsing the text gives back the same float.
 */
final class JsonText {
    private JsonText() {}

    static String pretty(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 0);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder sb, int indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                spaces(sb, indent + 2);
                quote(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 2);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            spaces(sb, indent);
            sb.append('}');
        } else if (node.isArray()) {
            boolean flat = true;
            for (JsonNode e : node) {
                flat &= e.isValueNode();
            }
            if (flat) {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(node.get(i), sb, indent);
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                spaces(sb, indent + 2);
                write(node.get(i), sb, indent + 2);
                sb.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            spaces(sb, indent);
            sb.append(']');
        } else if (node.isTextual()) {
            quote(node.textValue(), sb);
        } else if (node.isFloat()) {
            sb.append(number(node.floatValue()));
        } else if (node.isDouble()) {
            sb.append(Double.toString(node.doubleValue()));
        } else {
            sb.append(node.asText()); // integers, booleans, null
        }
    }

    /** A finite float's shortest exact text; integral values without ".0". */
    static String number(float f) {
        if (f == Math.rint(f) && Math.abs(f) < 1e18f) {
            return Long.toString((long) f);
        }
        return Float.toString(f);
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    private static void spaces(StringBuilder sb, int n) {
        sb.append(" ".repeat(n));
    }
}
