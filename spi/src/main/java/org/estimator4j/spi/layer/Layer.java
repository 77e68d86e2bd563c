package org.estimator4j.spi.layer;

import java.util.Map;

/**
 * A trainable layer a DNN can stack after its hidden layers, over plain row-major float arrays (the host's DNN keeps
 * its hot path off per-op native calls; a layer should too). The host owns the variables: {@link #build} returns
 * their initial values, the host trains and checkpoints those very arrays (they are saved as
 * {@code <scope>/<name>}) and the layer keeps reading them.
 *
 * <p>Training calls {@code forward(x, n, y, true)} then {@code backward}; evaluation and serving call
 * {@code forward(x, n, y, false)}, which must be thread-safe and keep nothing between calls.
 *
 * @since SPI 1
 */
public interface Layer {
    /**
     * Creates the variables for inputs of {@code inputWidth} values per row, seeded for repeatable results.
     *
     * @return each variable's name and initial values (the map's iteration order is the save order)
     */
    Map<String, float[]> build(int inputWidth, long seed);

    /** Values per row of the output; valid after {@link #build}. */
    int outputWidth();

    /** {@code y[n × outputWidth]} from {@code x[n × inputWidth]}. In training it may remember what backward needs. */
    void forward(float[] x, int numRows, float[] y, boolean training);

    /**
     * From d(loss)/d(y), writes d(loss)/d(x) into {@code dx} ({@code n × inputWidth}) and the gradient of each
     * variable into {@code gradients} (arrays the host provides, same names and sizes as {@link #build}'s, zeroed).
     */
    void backward(float[] dy, int numRows, float[] dx, Map<String, float[]> gradients);
}
