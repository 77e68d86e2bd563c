package org.estimator4j.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * Strict parsing of a config file's text (JSON, or YAML for {@code .yaml} / {@code .yml}): a key given twice (the
 * last would silently win) and text after the end of the config (a stray brace, a second document) are errors at
 * their {@code file:line:column}, like any syntax error.
 */
final class ConfigText {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigText() {}

    /** Whether {@code fileName} names a YAML file. */
    static boolean isYaml(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The tree of {@code text}; {@code where} (the file) starts every message. */
    static JsonNode parse(String text, String where, boolean yaml) {
        ObjectMapper mapper = yaml ? YAML : JSON;
        String format = yaml ? "YAML" : "JSON";
        try (JsonParser p = mapper.createParser(text)) {
            JsonNode root = mapper.readTree(p);
            if (root == null || root.isMissingNode()) {
                throw new ConfigException(where + ": empty; an experiment config is one " + format + " object");
            }
            JsonLocation end = p.currentLocation();
            boolean more;
            try {
                more = p.nextToken() != null;
            } catch (JsonProcessingException e) { // e.g. a stray '}' that no longer matches anything
                more = true;
            }
            if (more) {
                JsonLocation at = p.currentTokenLocation() != null
                                && p.currentTokenLocation().getLineNr() > 0
                        ? p.currentTokenLocation()
                        : end;
                throw new ConfigException(where + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": text after the "
                        + "end of the config (check the braces before it)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String loc = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + loc + ": not valid " + format + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }
}
