package org.estimator4j.cli.plugins;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.estimator4j.api.plugin.host.PluginInfo;
import org.estimator4j.spi.ParameterSpec;

/** The JSON the {@code plugins} commands print, and how they show parameter defaults. */
final class PluginJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private PluginJson() {}

    static ObjectNode plugin(PluginInfo info) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", info.name());
        o.put("kind", info.kind() == null ? null : info.kind().configName());
        o.put("description", info.description());
        o.put("origin", info.origin());
        if (info.spiVersion() > 0) {
            o.put("spi_version", info.spiVersion());
        } else {
            o.putNull("spi_version");
        }
        o.put("state", info.state().name());
        o.put("failure", info.failure());
        ArrayNode parameters = o.putArray("parameters");
        for (ParameterSpec p : info.parameters()) {
            ObjectNode param = parameters.addObject();
            param.put("name", p.name());
            param.put("type", type(p));
            param.put("required", p.isRequired());
            param.set("default", MAPPER.valueToTree(p.defaultValue()));
            param.put("doc", p.doc());
        }
        return o;
    }

    static String type(ParameterSpec p) {
        return p.type().name().toLowerCase(Locale.ROOT);
    }

    /** A default as JSON writes it ({@code 2.0}, {@code "x"}, {@code [1,2]}), or {@code required}. */
    static String defaultOrRequired(ParameterSpec p) {
        if (p.isRequired()) {
            return "required";
        }
        try {
            return MAPPER.writeValueAsString(p.defaultValue());
        } catch (JsonProcessingException e) {
            return String.valueOf(p.defaultValue());
        }
    }

    static String write(Object tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
