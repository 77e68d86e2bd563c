package org.estimator4j.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.estimator4j.cli.config.ExperimentConfig.ComponentSpec;
import org.estimator4j.estimators.EstimatorBuilder;
import org.estimator4j.estimators.dnn.CustomLayer;
import org.estimator4j.estimators.head.CustomLoss;
import org.estimator4j.spi.ComponentKind;
import org.estimator4j.spi.callback.Callback;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;

/**
 * Turns the components a config names (loss, metrics, custom layers, callbacks) into plugin components from
 * {@link Components}. Each is created once when the config is read, so an unknown name or a bad parameter stops the
 * command before anything is trained; models get suppliers of fresh ones.
 */
final class PluginParts {
    private final Components components;

    PluginParts(Components components) {
        this.components = components;
    }

    /** {@code sections} (null: none) under {@code path} ({@code experiment.json.train.callbacks}), with their paths. */
    static List<ComponentSpec> specs(List<ComponentSection> sections, String path) {
        List<ComponentSpec> out = new ArrayList<>();
        for (int i = 0; sections != null && i < sections.size(); i++) {
            ComponentSection c = sections.get(i);
            out.add(new ComponentSpec(c.type(), c.name(), c.params(), path + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /** The estimator's loss and metrics on {@code builder}. */
    <B extends EstimatorBuilder<B>> B lossAndMetrics(EstimatorSection e, String path, B builder) {
        if (e.loss() != null) {
            ComponentSpec spec =
                    new ComponentSpec(e.loss().type(), e.loss().name(), e.loss().params(), path + ".loss");
            Loss created = components.create(ComponentKind.LOSS, Loss.class, spec.type(), spec.params(), spec.path());
            builder.loss(new CustomLoss(spec.type(), spec.params(), created));
        }
        for (ComponentSpec m : specs(e.metrics(), path + ".metrics")) {
            components.create(ComponentKind.METRIC, Metric.class, m.type(), m.params(), m.path()); // check now
            builder.metric(
                    m.name(),
                    () -> components.create(ComponentKind.METRIC, Metric.class, m.type(), m.params(), m.path()));
        }
        return builder;
    }

    /** The plugin layers {@code sections} name, each checked by creating it once. */
    List<CustomLayer> layers(List<ComponentSection> sections, String path) {
        List<CustomLayer> layers = new ArrayList<>();
        for (ComponentSpec l : specs(sections, path)) {
            components.create(ComponentKind.LAYER, Layer.class, l.type(), l.params(), l.path());
            layers.add(new CustomLayer(
                    l.type(),
                    l.params(),
                    components.origin(ComponentKind.LAYER, l.type()),
                    () -> components.create(ComponentKind.LAYER, Layer.class, l.type(), l.params(), l.path())));
        }
        return layers;
    }

    /** Fresh callbacks of {@code specs} that {@code which} accepts, in order. */
    List<Callback> callbacks(List<ComponentSpec> specs, Predicate<ComponentSpec> which) {
        List<Callback> out = new ArrayList<>();
        for (ComponentSpec c : specs) {
            if (which.test(c)) {
                out.add(components.create(ComponentKind.CALLBACK, Callback.class, c.type(), c.params(), c.path()));
            }
        }
        return out;
    }
}
