package org.estimator4j.estimators.dnn;

import java.util.Arrays;
import java.util.Locale;

/**
 * A hidden layer's activation function. Each one's derivative is computed from the layer's output alone, so the
 * backward pass needs no copy of the pre-activation values.
 */
public enum Activation {
    RELU,
    ELU,
    SELU,
    LEAKY_RELU,
    TANH,
    SIGMOID,
    LINEAR;

    private static final float SELU_ALPHA = 1.6732632423543772f;
    private static final float SELU_SCALE = 1.0507009873554805f;
    /** {@code tf.nn.leaky_relu}'s default slope. */
    private static final float LEAKY_ALPHA = 0.2f;

    /** The activation named as in TensorFlow ({@code relu}, {@code elu}, ...); an error lists the known ones. */
    public static Activation fromName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown activation '" + name + "'; use one of "
                            + Arrays.stream(values()).map(Activation::tfName).toList(),
                    e);
        }
    }

    public String tfName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Applies the function in place to {@code a[0, n)}. */
    void apply(float[] a, int n) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(a[i], 0f);
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    float x = a[i];
                    a[i] = x > 0 ? x : (float) Math.expm1(x);
                }
            }
            case SELU -> {
                for (int i = 0; i < n; i++) {
                    float x = a[i];
                    a[i] = SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (float) Math.expm1(x));
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float x = a[i];
                    a[i] = x > 0 ? x : LEAKY_ALPHA * x;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) Math.tanh(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = (float) (1 / (1 + Math.exp(-a[i])));
                }
            }
            case LINEAR -> {}
        }
    }

    /**
     * All ones where {@code y > 0} (bits of a positive float are a positive int), zero where y is +0 or negative.
     * (-0.0 counts as positive; the derivative at 0 is a convention anyway.)
     */
    private static int positiveMask(float y) {
        return -Float.floatToRawIntBits(y) >> 31;
    }

    /** Multiplies the gradient {@code d[0, n)} by the derivative, read from the outputs {@code y}, in place. */
    void backward(float[] y, float[] d, int n) {
        switch (this) {
            case RELU -> {
                // Branch-free: half the outputs are 0 in no predictable order, and a mispredicted branch per value
                // made this loop cost as much as the layer's matrix products (1.2 ms vs 0.1 ms for 1024 x 256).
                for (int i = 0; i < n; i++) {
                    d[i] = Float.intBitsToFloat(Float.floatToRawIntBits(d[i]) & positiveMask(y[i]));
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    d[i] = y[i] > 0 ? d[i] : d[i] * (y[i] + 1);
                }
            }
            case SELU -> {
                for (int i = 0; i < n; i++) {
                    d[i] = y[i] > 0 ? d[i] * SELU_SCALE : d[i] * (y[i] + SELU_SCALE * SELU_ALPHA);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float slope = Float.intBitsToFloat(Float.floatToRawIntBits(1f - LEAKY_ALPHA) & positiveMask(y[i]));
                    d[i] *= LEAKY_ALPHA + slope;
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    d[i] *= 1 - y[i] * y[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    d[i] *= y[i] * (1 - y[i]);
                }
            }
            case LINEAR -> {}
        }
    }
}
