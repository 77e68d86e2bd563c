package org.estimator4j.api.plugin.host;

import java.nio.file.Path;
import org.estimator4j.api.plugin.PluginJar;
import org.estimator4j.spi.callback.CallbackProvider;
import org.estimator4j.spi.layer.LayerProvider;
import org.estimator4j.spi.loss.LossProvider;
import org.estimator4j.spi.metric.MetricProvider;

/** The plugin jars the registry tests load, built from source. */
final class TestPlugins {
    static final String CURRENT = "SpiVersion.CURRENT";

    private TestPlugins() {}

    /** acme.jar: one provider of every kind, a loss taking every parameter type, and an isolation probe. */
    static Path acme(Path jar) {
        return PluginJar.create()
                .provider(LossProvider.class, "com.acme.FocalLossProvider", "acme.focal_loss", CURRENT, """
                        List.of(ParameterSpec.optional("gamma", ParameterType.DOUBLE, 2.0, "focusing strength"),
                                ParameterSpec.optional("alpha", ParameterType.DOUBLE, 0.25, "weight of positives"))
                        """, """
                        double g = p.getDouble("gamma");
                        if (g < 0) {
                            throw new IllegalArgumentException("gamma must be >= 0, got " + g);
                        }
                        return (logits, labels, n, k, losses, gradient) -> {
                            for (int r = 0; r < n; r++) {
                                losses[r] = (float) (g * logits[r]);
                                gradient[r] = (float) g;
                            }
                        };
                        """, "")
                .provider(
                        MetricProvider.class,
                        "com.acme.CountProvider",
                        "acme.count",
                        CURRENT,
                        "List.of()",
                        "return new Count();",
                        """
                        public static final class Count implements org.estimator4j.spi.metric.Metric {
                            long rows;
                            public void update(float[] l, float[] p, float[] w, int n, int width) { rows += n; }
                            public double result() { return rows; }
                            public void reset() { rows = 0; }
                            public void merge(org.estimator4j.spi.metric.Metric other) { rows += ((Count) other).rows; }
                        }
                        """)
                .provider(
                        LayerProvider.class,
                        "com.acme.ScaleProvider",
                        "acme.scale",
                        CURRENT,
                        """
                        List.of(ParameterSpec.required("units", ParameterType.INT, "values per row"),
                                ParameterSpec.optional("factor", ParameterType.DOUBLE, 2.0, "what x is multiplied by"))
                        """,
                        "return new Scale(p.getInt(\"units\"), p.getDouble(\"factor\"));",
                        """
                        static final class Scale implements org.estimator4j.spi.layer.Layer {
                            final int units;
                            final float factor;
                            Scale(int units, double factor) { this.units = units; this.factor = (float) factor; }
                            public Map<String, float[]> build(int inputWidth, long seed) {
                                Map<String, float[]> vars = new LinkedHashMap<>();
                                vars.put("unused", new float[] {(float) seed});
                                return vars;
                            }
                            public int outputWidth() { return units; }
                            public void forward(float[] x, int n, float[] y, boolean training) {
                                for (int i = 0; i < n * units; i++) { y[i] = x[i] * factor; }
                            }
                            public void backward(float[] dy, int n, float[] dx, Map<String, float[]> gradients) {
                                for (int i = 0; i < n * units; i++) { dx[i] = dy[i] * factor; }
                            }
                        }
                        """)
                .provider(
                        CallbackProvider.class,
                        "com.acme.LoggerProvider",
                        "acme.logger",
                        CURRENT,
                        """
                        List.of(ParameterSpec.optional("every", ParameterType.INT, 1, "log every N steps"))
                        """,
                        "return new Log();",
                        """
                        static final class Log implements org.estimator4j.spi.callback.Callback {
                            int steps;
                            boolean ownContextLoader = true;
                            public void onStepEnd(org.estimator4j.spi.callback.TrainingContext c, long step,
                                    Map<String, Double> logs) {
                                steps++;
                                ownContextLoader &= Thread.currentThread().getContextClassLoader()
                                        == Log.class.getClassLoader();
                            }
                            public String toString() {
                                return "steps=" + steps + " ownContextLoader=" + ownContextLoader;
                            }
                        }
                        """)
                .provider(
                        LossProvider.class,
                        "com.acme.EverythingProvider",
                        "acme.everything",
                        CURRENT,
                        """
                        List.of(ParameterSpec.required("i", ParameterType.INT, "an int"),
                                ParameterSpec.optional("d", ParameterType.DOUBLE, 1, "a double with an int default"),
                                ParameterSpec.optional("b", ParameterType.BOOLEAN, false, "a flag"),
                                ParameterSpec.optional("s", ParameterType.STRING, "x", "a string"),
                                ParameterSpec.optional("il", ParameterType.INT_LIST, List.of(1, 2), "ints"),
                                ParameterSpec.optional("dl", ParameterType.DOUBLE_LIST, List.of(0.5), "doubles"),
                                ParameterSpec.optional("sl", ParameterType.STRING_LIST, List.of("a"), "strings"))
                        """,
                        "return (a, b, n, k, losses, gradient) -> {};",
                        "")
                .provider(
                        LossProvider.class,
                        "com.acme.IsolatedProvider",
                        "acme.isolated",
                        CURRENT,
                        "List.of()",
                        """
                        boolean createdWithOwnLoader = Thread.currentThread().getContextClassLoader()
                                == IsolatedProvider.class.getClassLoader();
                        return (logits, labels, n, k, losses, gradient) -> {
                            losses[0] = com.acme.shared.Greeting.who().equals("plugin") ? 1 : 0;
                            losses[1] = Thread.currentThread().getContextClassLoader()
                                    == IsolatedProvider.class.getClassLoader() ? 1 : 0;
                            losses[2] = visible("org.estimator4j.api.plugin.host.ComponentRegistry") ? 1 : 0;
                            losses[3] = createdWithOwnLoader ? 1 : 0;
                            losses[4] = visible("com.fasterxml.jackson.databind.ObjectMapper") ? 1 : 0;
                            losses[5] = visible("java.util.concurrent.ConcurrentHashMap")
                                    && visible("org.estimator4j.spi.loss.Loss") ? 1 : 0;
                        };
                        """,
                        """
                        static boolean visible(String className) {
                            try {
                                Class.forName(className, false, IsolatedProvider.class.getClassLoader());
                                return true;
                            } catch (ClassNotFoundException e) {
                                return false;
                            }
                        }
                        """)
                .source("com.acme.shared.Greeting", """
                        package com.acme.shared;
                        public final class Greeting {
                            public static String who() { return "plugin"; }
                        }
                        """)
                .writeTo(jar);
    }

    /** A jar with one loss called {@code name}. */
    static Path oneLoss(Path jar, String className, String name) {
        return PluginJar.create()
                .provider(
                        LossProvider.class,
                        className,
                        name,
                        CURRENT,
                        "List.of()",
                        "return (a, b, n, k, losses, gradient) -> {};",
                        "")
                .writeTo(jar);
    }
}
