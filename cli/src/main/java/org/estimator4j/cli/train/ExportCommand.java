package org.estimator4j.cli.train;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.config.ExperimentConfig;
import org.estimator4j.estimators.serving.ExportedBundle;
import org.estimator4j.estimators.serving.InvalidBundleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e4j export --config FILE --dir DIR}: writes a serving bundle of the latest checkpoint into
 * {@code DIR/<global step>/}. Exporting a step again keeps the bundle there when it is the same, file for file, and
 * says so; a different bundle in its place is refused, naming it.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
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
        ExportedBundle exported;
        try {
            exported = config.estimator().exportBundle(dir);
        } catch (InvalidBundleException e) {
            throw new E4jException(e.problem(), e.remedy(), e);
        }
        Path bundle = exported.directory();
        spec.commandLine()
                .getOut()
                .println(
                        options.format == ConfigOptions.Format.json
                                ? "{\"bundle\":"
                                        + com.fasterxml.jackson.databind.node.TextNode.valueOf(bundle.toString())
                                        + ",\"already_exported\":" + exported.alreadyExported() + "}"
                                : exported.alreadyExported()
                                        ? "kept " + bundle + ": it already holds this model at step "
                                                + exported.manifest().globalStep() + ", file for file"
                                        : "exported " + bundle);
        return 0;
    }
}
