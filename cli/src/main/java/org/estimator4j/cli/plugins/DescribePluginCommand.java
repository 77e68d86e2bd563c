package org.estimator4j.cli.plugins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.estimator4j.api.plugin.CloseMatches;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.api.plugin.host.PluginInfo;
import org.estimator4j.cli.E4jException;
import org.estimator4j.cli.text.Table;
import org.estimator4j.spi.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code e4j plugins describe NAME}: what a component does and the parameters a config may give it, with their types,
 * defaults and documentation: what to write under {@code params}.
 */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = {
            "Describe a component: what it does, where it comes from, and each parameter a config may give "
                    + "it (type, default or required, documentation)."
        })
public final class DescribePluginCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The component's name, e.g. acme.focal_loss.")
    String name;

    @Mixin
    PluginsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComponentRegistry registry = options.load()) {
            List<PluginInfo> found = registry.plugins().stream()
                    .filter(p -> p.name().equals(name))
                    .toList();
            if (found.isEmpty()) {
                List<String> close = CloseMatches.among(
                        name,
                        registry.plugins().stream()
                                .map(PluginInfo::name)
                                .distinct()
                                .toList());
                throw new E4jException(
                        "unknown component '" + name + "'"
                                + (close.isEmpty()
                                        ? ""
                                        : " (did you mean "
                                                + close.stream()
                                                        .map(c -> "'" + c + "'")
                                                        .collect(Collectors.joining(" or "))
                                                + "?)"),
                        "run 'e4j plugins list" + (options.plugins == null ? "" : " --plugins " + options.plugins)
                                + "' to see every component");
            }
            if (options.json()) {
                ArrayNode all = PluginJson.MAPPER.createArrayNode();
                found.forEach(p -> all.add(PluginJson.plugin(p)));
                out.println(PluginJson.write(all));
                return 0;
            }
            for (int i = 0; i < found.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                print(out, found.get(i));
            }
            return 0;
        }
    }

    private static void print(PrintWriter out, PluginInfo p) {
        out.println(p.name() + " (" + p.kindName() + ")");
        if (!p.description().isBlank()) {
            out.println("  " + p.description());
        }
        new Table("origin:", p.origin())
                .showCells(UnaryOperator.identity())
                .add("SPI version:", p.spiVersion() > 0 ? Integer.toString(p.spiVersion()) : "unknown")
                .add("state:", p.isLoaded() ? "LOADED" : "FAILED: " + p.failure())
                .lines("  ")
                .forEach(out::println);
        if (p.parameters().isEmpty()) {
            out.println(p.isLoaded() ? "  parameters: none" : "  parameters: unknown");
            return;
        }
        out.println("  parameters:");
        Table params = new Table("NAME", "TYPE", "DEFAULT", "DOC").showCells(UnaryOperator.identity());
        for (ParameterSpec s : p.parameters()) {
            params.add(s.name(), PluginJson.type(s), PluginJson.defaultOrRequired(s), s.doc());
        }
        params.lines("    ").forEach(out::println);
    }
}
