package org.estimator4j.estimators.dnn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.layer.Layer;
import org.estimator4j.spi.layer.LayerProvider;

/**
 * A test plugin layer, {@code y = tanh(x · scale + shift)} per input value, with trainable scale and shift: small
 * enough to check by finite differences, registered on the test class path under {@code test.scale}.
 */
public final class ScaleLayerProvider implements LayerProvider {
    @Override
    public String name() {
        return "test.scale";
    }

    @Override
    public String description() {
        return "tanh of a trainable per-value scale and shift";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.optional("initial_scale", ParameterType.DOUBLE, 1.0, "the scales' start"));
    }

    @Override
    public Layer create(Parameters parameters) {
        return new ScaleLayer((float) parameters.getDouble("initial_scale"));
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    static final class ScaleLayer implements Layer {
        private final float initialScale;
        private float[] scale;
        private float[] shift;
        private int width;
        private float[] input;
        private float[] output;

        ScaleLayer(float initialScale) {
            this.initialScale = initialScale;
        }

        @Override
        public Map<String, float[]> build(int inputWidth, long seed) {
            width = inputWidth;
            scale = new float[width];
            shift = new float[width];
            java.util.Arrays.fill(scale, initialScale);
            Map<String, float[]> v = new LinkedHashMap<>();
            v.put("scale", scale);
            v.put("shift", shift);
            return v;
        }

        @Override
        public int outputWidth() {
            return width;
        }

        @Override
        public void forward(float[] x, int numRows, float[] y, boolean training) {
            for (int r = 0; r < numRows; r++) {
                for (int j = 0; j < width; j++) {
                    y[r * width + j] = (float) Math.tanh(x[r * width + j] * scale[j] + shift[j]);
                }
            }
            if (training) {
                input = x;
                output = y;
            }
        }

        @Override
        public void backward(float[] dy, int numRows, float[] dx, Map<String, float[]> gradients) {
            float[] dScale = gradients.get("scale");
            float[] dShift = gradients.get("shift");
            for (int r = 0; r < numRows; r++) {
                for (int j = 0; j < width; j++) {
                    int i = r * width + j;
                    float dz = dy[i] * (1 - output[i] * output[i]);
                    dScale[j] += dz * input[i];
                    dShift[j] += dz;
                    dx[i] = dz * scale[j];
                }
            }
        }
    }
}
