package org.estimator4j.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.estimator4j.spi.ComponentProvider;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.metric.Metric;
import org.junit.jupiter.api.Test;

/** The example plugin's components against hand-computed values and finite differences. */
class ExamplePluginTest {
    @Test
    void focalLossMatchesItsFormulaAndItsGradient() {
        Loss focal = new FocalLossProvider().create(new Parameters(Map.of("gamma", 2.0, "alpha", 0.25)));
        float[] logits = {1.5f, -0.7f, 0.2f};
        float[] labels = {1, 1, 0};
        float[] losses = new float[3];
        float[] gradient = new float[3];
        focal.compute(logits, labels, 3, 1, losses, gradient);
        double p = 1 / (1 + Math.exp(-1.5));
        assertEquals(-0.25 * Math.pow(1 - p, 2) * Math.log(p), losses[0], 1e-6);
        for (int r = 0; r < 3; r++) {
            float[] plus = logits.clone();
            float[] minus = logits.clone();
            plus[r] += 1e-3f;
            minus[r] -= 1e-3f;
            float[] lp = new float[3];
            float[] lm = new float[3];
            focal.compute(plus, labels, 3, 1, lp, new float[3]);
            focal.compute(minus, labels, 3, 1, lm, new float[3]);
            assertEquals((lp[r] - lm[r]) / 2e-3, gradient[r], 2e-3, "row " + r);
        }
    }

    @Test
    void ksIsTheLargestGapBetweenTheClassesScoreDistributionsAndMerges() {
        Metric a = new KsMetricProvider().create(new Parameters(Map.of()));
        Metric b = new KsMetricProvider().create(new Parameters(Map.of()));
        // Positives at 0.8 and 0.9, negatives at 0.1 and 0.85: at threshold 0.5, TPR 1 and FPR 0.5.
        a.update(new float[] {1, 0}, new float[] {0.8f, 0.1f}, null, 2, 1);
        b.update(new float[] {1, 0}, new float[] {0.9f, 0.85f}, null, 2, 1);
        a.merge(b);
        assertEquals(0.5, a.result(), 1e-9);
    }

    @Test
    void gatedDenseBackwardMatchesFiniteDifferences() {
        Layer layer = new GatedDenseLayerProvider().create(new Parameters(Map.of("units", 3)));
        Map<String, float[]> vars = layer.build(4, 7);
        float[] x = {0.3f, -1.2f, 0.5f, 2.0f, -0.4f, 0.1f, 0.9f, -0.6f};
        float[] c = {0.7f, -0.2f, 1.1f, 0.4f, -0.9f, 0.3f};
        float[] y = new float[6];
        layer.forward(x, 2, y, true);
        Map<String, float[]> grads = new LinkedHashMap<>();
        vars.forEach((k, v) -> grads.put(k, new float[v.length]));
        float[] dx = new float[8];
        layer.backward(c, 2, dx, grads);
        for (String name : List.of("kernel", "bias", "gate_kernel", "gate_bias")) {
            float[] v = vars.get(name);
            for (int i = 0; i < v.length; i++) {
                float saved = v[i];
                v[i] = saved + 1e-3f;
                double up = dot(layer, x, c);
                v[i] = saved - 1e-3f;
                double down = dot(layer, x, c);
                v[i] = saved;
                assertEquals((up - down) / 2e-3, grads.get(name)[i], 2e-3, name + "[" + i + "]");
            }
        }
    }

    private static double dot(Layer layer, float[] x, float[] c) {
        float[] y = new float[6];
        layer.forward(x, 2, y, false);
        double s = 0;
        for (int i = 0; i < 6; i++) {
            s += y[i] * c[i];
        }
        return s;
    }

    @Test
    void everyProviderIsRegisteredAndNamespaced() {
        int found = 0;
        for (Class<?> kind : List.of(
                org.estimator4j.spi.loss.LossProvider.class,
                org.estimator4j.spi.metric.MetricProvider.class,
                org.estimator4j.spi.layer.LayerProvider.class,
                org.estimator4j.spi.callback.CallbackProvider.class)) {
            for (Object p : ServiceLoader.load(kind)) {
                ComponentProvider<?> provider = (ComponentProvider<?>) p;
                assertEquals("example.", provider.name().substring(0, 8));
                found++;
            }
        }
        assertEquals(4, found);
    }
}
