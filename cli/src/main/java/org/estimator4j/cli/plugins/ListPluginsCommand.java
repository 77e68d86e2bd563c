package org.estimator4j.cli.plugins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.estimator4j.api.plugin.host.ComponentRegistry;
import org.estimator4j.api.plugin.host.PluginInfo;
import org.estimator4j.cli.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code e4j plugins list}: every provider found, with where it came from and whether it works. The place to look when
 * a config says a component is unknown: a FAILED line says why its jar did not give it.
 */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List every component provider: built-ins, class path plugins and the plugins folder's jars.",
            "Shows name, kind, SPI version, origin and state; a FAILED provider shows why it cannot be used."
        })
public final class ListPluginsCommand implements Callable<Integer> {
    @Mixin
    PluginsOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ComponentRegistry registry = options.load()) {
            List<PluginInfo> plugins = registry.plugins();
            if (options.json()) {
                ObjectNode root = PluginJson.MAPPER.createObjectNode();
                root.put(
                        "plugins_dir",
                        registry.pluginsDir()
                                .map(d -> d.toAbsolutePath().toString())
                                .orElse(null));
                ArrayNode list = root.putArray("plugins");
                plugins.forEach(p -> list.add(PluginJson.plugin(p)));
                out.println(PluginJson.write(root));
                return 0;
            }
            out.println(registry.pluginsDir()
                    .map(d -> "plugins folder: " + d.toAbsolutePath())
                    .orElse("plugins folder: none (give --plugins DIR or set " + ComponentRegistry.PLUGINS_DIR_ENV
                            + ")"));
            Table table = new Table("NAME", "KIND", "SPI", "ORIGIN", "STATE").showCells(UnaryOperator.identity());
            for (PluginInfo p : plugins) {
                table.add(
                        p.name(),
                        p.kindName(),
                        p.spiVersion() > 0 ? Integer.toString(p.spiVersion()) : "-",
                        p.origin(),
                        p.isLoaded() ? "LOADED" : "FAILED: " + p.failure());
            }
            table.lines("").forEach(out::println);
            long failed = plugins.stream().filter(p -> !p.isLoaded()).count();
            out.printf(
                    "%d provider%s: %d LOADED, %d FAILED%n",
                    plugins.size(), plugins.size() == 1 ? "" : "s", plugins.size() - failed, failed);
            return 0;
        }
    }
}
