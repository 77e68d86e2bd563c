package org.estimator4j.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a recorded run is called and tagged with: the config's {@code run.name} and {@code run.tags}, overridden by
 * {@code e4j train --run-name} and {@code --tag KEY=VALUE}. The name need not be unique; tags are free-form strings
 * the store keeps beside the run (searchable as {@code tags.KEY}).
 *
 * @param name the run's name, or null for an unnamed run
 * @param tags tag key to value, in the order given
 */
public record RunLabels(String name, Map<String, String> tags) {
    public static final RunLabels NONE = new RunLabels(null, Map.of());

    public RunLabels {
        if (name != null && name.isBlank()) {
            throw new ConfigException("run name: empty; give a name, or leave it out for an unnamed run");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey() == null || t.getKey().isBlank()) {
                throw new ConfigException("run tag '=" + t.getValue() + "': the key is empty; write KEY=VALUE");
            }
            if (t.getValue() == null) {
                throw new ConfigException("run tag '" + t.getKey() + "': no value; write KEY=VALUE");
            }
        }
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** These labels with the command line's: its name when given, its tags over these (same key: the flag wins). */
    public RunLabels overriddenBy(String flagName, Map<String, String> flagTags) {
        Map<String, String> merged = new LinkedHashMap<>(tags);
        if (flagTags != null) {
            merged.putAll(flagTags);
        }
        return new RunLabels(flagName != null ? flagName : name, merged);
    }
}
