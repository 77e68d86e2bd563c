package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.estimator4j.cli.config.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e4j export --config FILE --dir DIR}: writes a serving bundle of the latest checkpoint. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the latest checkpoint as a serving bundle.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write the bundle.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = options.load();
        Path bundle = config.estimator().export(dir);
        spec.commandLine().getOut().println(options.format == ConfigOptions.Format.json
                ? "{\"bundle\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(bundle.toString()) + "}"
                : "exported " + bundle);
        return 0;
    }
}
