package org.estimator4j.cli.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An experiment config file, bound: one record per section. Feature columns stay JSON (the feature-columns module
 * reads them, with their own paths in messages), and so does the estimator until {@link EstimatorOptions} has
 * checked its keys against its type and filled in the defaults ({@link EstimatorSection}). Required keys are marked for
 * Jackson and the schema; the constructor refuses them given as null.
 */
record ConfigFile(
        PluginsSection plugins,
        @JsonProperty(required = true) DataSection data,
        JsonNode featureColumns,
        JsonNode linearFeatureColumns,
        JsonNode dnnFeatureColumns,
        @JsonProperty(required = true) JsonNode estimator,
        TrainSection train,
        @JsonProperty(required = true) RunConfigSection runConfig,
        String store,
        String experiment,
        RunSection run) {

    ConfigFile {
        ConfigBinder.required("data", data);
        train = train == null ? TrainSection.DEFAULTS : train; // absent: every option at its default
        ConfigBinder.required("run_config", runConfig);
        ConfigBinder.required("estimator", estimator);
    }
}
