package org.estimator4j.examples.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.layer.LayerProvider;

/**
 * {@code example.gated_dense}: a gated linear unit, {@code y = (x·W + b) ⊙ sigmoid(x·V + c)}, with four trainable
 * variables. Plain loops: a plugin sees arrays, not tensors.
 */
public final class GatedDenseLayerProvider implements LayerProvider {
    @Override
    public String name() {
        return "example.gated_dense";
    }

    @Override
    public String description() {
        return "Gated linear unit: (x W + b) * sigmoid(x V + c), trainable W, b, V, c";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.required("units", ParameterType.INT, "output values per row"));
    }

    @Override
    public Layer create(Parameters p) {
        int units = p.getInt("units");
        if (units < 1) {
            throw new IllegalArgumentException("example.gated_dense: units must be > 0, got " + units);
        }
        return new GatedDense(units);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class GatedDense implements Layer {
        private final int units;
        private int inputs;
        private float[] w;
        private float[] b;
        private float[] v;
        private float[] c;
        // Training state of the last forward: input, linear part and gate.
        private float[] x;
        private float[] linear = new float[0];
        private float[] gate = new float[0];

        GatedDense(int units) {
            this.units = units;
        }

        @Override
        public Map<String, float[]> build(int inputWidth, long seed) {
            inputs = inputWidth;
            SplittableRandom random = new SplittableRandom(seed);
            double limit = Math.sqrt(6.0 / (inputs + units));
            w = new float[inputs * units];
            v = new float[inputs * units];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                v[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            b = new float[units];
            c = new float[units];
            Map<String, float[]> vars = new LinkedHashMap<>();
            vars.put("kernel", w);
            vars.put("bias", b);
            vars.put("gate_kernel", v);
            vars.put("gate_bias", c);
            return vars;
        }

        @Override
        public int outputWidth() {
            return units;
        }

        @Override
        public void forward(float[] in, int numRows, float[] y, boolean training) {
            float[] lin = training ? ensure(linear, numRows * units) : new float[numRows * units];
            float[] g = training ? ensure(gate, numRows * units) : new float[numRows * units];
            for (int r = 0; r < numRows; r++) {
                for (int j = 0; j < units; j++) {
                    double a = b[j];
                    double s = c[j];
                    for (int i = 0; i < inputs; i++) {
                        float xi = in[r * inputs + i];
                        a += xi * w[i * units + j];
                        s += xi * v[i * units + j];
                    }
                    int o = r * units + j;
                    lin[o] = (float) a;
                    g[o] = (float) (1 / (1 + Math.exp(-s)));
                    y[o] = lin[o] * g[o];
                }
            }
            if (training) {
                x = in;
                linear = lin;
                gate = g;
            }
        }

        private static float[] ensure(float[] a, int size) {
            return a.length >= size ? a : new float[size];
        }

        @Override
        public void backward(float[] dy, int numRows, float[] dx, Map<String, float[]> gradients) {
            float[] dw = gradients.get("kernel");
            float[] db = gradients.get("bias");
            float[] dv = gradients.get("gate_kernel");
            float[] dc = gradients.get("gate_bias");
            java.util.Arrays.fill(dx, 0, numRows * inputs, 0f);
            for (int r = 0; r < numRows; r++) {
                for (int j = 0; j < units; j++) {
                    int o = r * units + j;
                    float dLin = dy[o] * gate[o];
                    float dGate = dy[o] * linear[o] * gate[o] * (1 - gate[o]);
                    db[j] += dLin;
                    dc[j] += dGate;
                    for (int i = 0; i < inputs; i++) {
                        float xi = x[r * inputs + i];
                        dw[i * units + j] += xi * dLin;
                        dv[i * units + j] += xi * dGate;
                        dx[r * inputs + i] += dLin * w[i * units + j] + dGate * v[i * units + j];
                    }
                }
            }
        }
    }
}
