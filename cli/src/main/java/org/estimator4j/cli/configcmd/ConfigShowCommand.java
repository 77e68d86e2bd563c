package org.estimator4j.cli.configcmd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.concurrent.Callable;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.cli.train.ConfigFileOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j config show --config FILE [--set PATH=VALUE]...}: the config as {@code e4j train} would use it, after the
 * overrides, with every default filled in (feature columns with all their keys, optimizers with all their options).
 * The config is checked as training checks it, so a mistake is reported the same way; nothing is trained or written.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Print the effective config: the file after --set overrides, every default filled in.")
public final class ConfigShowCommand implements Callable<Integer> {
    /** Output formats of the effective config. */
    public enum Format {
        json,
        yaml
    }

    @Mixin
    ConfigFileOptions source;

    @Option(
            names = "--format",
            defaultValue = "json",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        ExperimentConfig effective = source.load();
        ObjectMapper mapper = format == Format.yaml
                ? YAMLMapper.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .build()
                : new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = mapper.writeValueAsString(effective.effectiveJson());
        spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
