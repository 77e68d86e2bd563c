package org.estimator4j.estimators.dnn;

import java.util.SplittableRandom;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * A fully connected layer, {@code y = activation(x · kernel + bias)}, with TensorFlow's initialisation (glorot uniform
 * kernel, zero bias). The bias is written into the output first and the product added on top by one BLAS call, and
 * the activation runs in place: no temporary per step.
 */
final class DenseLayer {
    final int inputs;
    final int units;
    final Activation activation;
    final Parameter kernel;
    final Parameter bias;

    DenseLayer(
            String scope, int inputs, int units, Activation activation, Optimizer optimizer, SplittableRandom random) {
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        float[] k = new float[inputs * units];
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        this.kernel = Parameter.dense(scope + "/kernel", k, optimizer);
        this.bias = Parameter.dense(scope + "/bias", new float[units], optimizer);
    }

    /** {@code y[n × units] = activation(x[n × inputs] · kernel + bias)}, x's rows from {@code x[xFrom]} on. */
    void forward(float[] x, int xFrom, int n, float[] y) {
        float[] b = bias.values;
        for (int r = 0; r < n; r++) {
            System.arraycopy(b, 0, y, r * units, units);
        }
        Blas.gemm(n, units, inputs, x, xFrom, kernel.values, 1f, y);
        activation.apply(y, n * units);
    }

    /**
     * Gradients of the kernel and bias from {@code dy} (d loss / d y, turned into d loss / d pre-activation in place)
     * into {@code kernelGradient} and {@code biasGradient} (overwritten), and d loss / d x into {@code dx} unless it is
     * null (the first layer over inputs nothing trains). x's rows start at {@code x[xFrom]}.
     */
    void backward(
            float[] x,
            int xFrom,
            float[] y,
            float[] dy,
            int n,
            float[] dx,
            float[] kernelGradient,
            float[] biasGradient) {
        activation.backward(y, dy, n * units);
        Blas.gemmTransposeLeft(n, units, inputs, x, xFrom, dy, kernelGradient);
        float[] db = biasGradient;
        java.util.Arrays.fill(db, 0f);
        for (int r = 0; r < n; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) {
                db[j] += dy[o + j];
            }
        }
        if (dx != null) {
            Blas.gemmTransposeRight(n, units, inputs, dy, kernel.values, dx);
        }
    }
}
