package org.estimator4j.estimators.dnn;

import java.util.Arrays;
import java.util.Map;
import org.estimator4j.estimators.optimizer.Optimizer;

/**
 * Keras {@code BatchNormalization} as TensorFlow's DNN estimators configure it (momentum 0.999, epsilon 0.001):
 * training normalises each feature with the batch's mean and (biased) variance and moves the moving averages towards
 * them; evaluation and serving use the moving averages. gamma and beta train; the moving statistics are saved but not
 * trained.
 */
final class BatchNorm {
    private static final float MOMENTUM = 0.999f;
    private static final float EPSILON = 0.001f;

    final int width;
    final Parameter gamma;
    final Parameter beta;
    final String movingMeanName;
    final String movingVarianceName;
    final float[] movingMean;
    final float[] movingVariance;
    private final float[] mean;
    private final float[] inverseStd;
    private final float[] sumDy;
    private final float[] sumDyXhat;

    BatchNorm(String scope, int width, Optimizer optimizer) {
        this.width = width;
        float[] ones = new float[width];
        Arrays.fill(ones, 1f);
        this.gamma = Parameter.dense(scope + "/gamma", ones, optimizer);
        this.beta = Parameter.dense(scope + "/beta", new float[width], optimizer);
        this.movingMeanName = scope + "/moving_mean";
        this.movingVarianceName = scope + "/moving_variance";
        this.movingMean = new float[width];
        this.movingVariance = ones.clone();
        this.mean = new float[width];
        this.inverseStd = new float[width];
        this.sumDy = new float[width];
        this.sumDyXhat = new float[width];
    }

    /**
     * Training: {@code xhat} receives the normalised input (kept for {@link #backward}), {@code y} the output;
     * the moving averages move by one step.
     */
    void forwardTraining(float[] x, int n, float[] xhat, float[] y) {
        Arrays.fill(mean, 0f);
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                mean[j] += x[o + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= n;
        }
        float[] variance = inverseStd;
        Arrays.fill(variance, 0f);
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                float d = x[o + j] - mean[j];
                variance[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            float v = variance[j] / n;
            movingMean[j] = movingMean[j] * MOMENTUM + mean[j] * (1 - MOMENTUM);
            movingVariance[j] = movingVariance[j] * MOMENTUM + v * (1 - MOMENTUM);
            inverseStd[j] = (float) (1 / Math.sqrt(v + EPSILON));
        }
        float[] g = gamma.values;
        float[] b = beta.values;
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                float h = (x[o + j] - mean[j]) * inverseStd[j];
                xhat[o + j] = h;
                y[o + j] = g[j] * h + b[j];
            }
        }
    }

    /** Evaluation and serving: normalises with the moving averages; thread-safe. */
    void forwardInference(float[] x, int n, float[] y) {
        float[] g = gamma.values;
        float[] b = beta.values;
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                float scale = g[j] / (float) Math.sqrt(movingVariance[j] + EPSILON);
                y[o + j] = (x[o + j] - movingMean[j]) * scale + b[j];
            }
        }
    }

    /** Gradients of gamma and beta, and d loss / d x into {@code dx}, from the last training forward. */
    void backward(float[] xhat, float[] dy, int n, float[] dx) {
        Arrays.fill(sumDy, 0f);
        Arrays.fill(sumDyXhat, 0f);
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                sumDy[j] += dy[o + j];
                sumDyXhat[j] += dy[o + j] * xhat[o + j];
            }
        }
        System.arraycopy(sumDyXhat, 0, gamma.gradient, 0, width);
        System.arraycopy(sumDy, 0, beta.gradient, 0, width);
        float[] g = gamma.values;
        for (int r = 0; r < n; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                dx[o + j] = g[j] * inverseStd[j] / n * (n * dy[o + j] - sumDy[j] - xhat[o + j] * sumDyXhat[j]);
            }
        }
    }

    void saveTo(Map<String, float[]> out) {
        gamma.saveTo(out);
        beta.saveTo(out);
        out.put(movingMeanName, movingMean.clone());
        out.put(movingVarianceName, movingVariance.clone());
    }

    void restoreFrom(Map<String, float[]> saved) {
        gamma.restoreFrom(saved);
        beta.restoreFrom(saved);
        Parameter.copy(saved, movingMeanName, movingMean);
        Parameter.copy(saved, movingVarianceName, movingVariance);
    }
}
