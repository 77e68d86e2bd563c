package org.estimator4j.estimators.dnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trainable variables of a {@link DnnPart} in checkpoint order, with the optimizer's step count: one optimizer
 * step over all of them (or over a lane's slice of the dense layers' variables, when lanes split a batch), and their
 * values and slots saved and restored by name.
 */
final class DnnParameters {
    private final String iterationsName;
    /** Filled by the part's input and network as they are built. */
    final List<Parameter> trained = new ArrayList<>();

    private long iteration;
    private double learningRateMultiplier = 1;

    /** @param iterationsName the step count's variable name ({@code dnn/Adam/iterations}) */
    DnnParameters(String iterationsName) {
        this.iterationsName = iterationsName;
    }

    void setLearningRateMultiplier(double multiplier) {
        this.learningRateMultiplier = multiplier;
    }

    boolean isTrained(Parameter p) {
        return trained.contains(p);
    }

    /** Counts a step; the optimizer steps that follow are that step's. */
    void nextStep() {
        iteration++;
    }

    /** One optimizer step over every variable. */
    void applyAll() {
        for (Parameter p : trained) {
            p.apply(iteration, learningRateMultiplier);
        }
    }

    /** One optimizer step over every variable but the dense layers' (which the lanes updated slice by slice). */
    void applyAllBut(DnnNetwork network) {
        for (Parameter p : trained) {
            if (!network.isDenseVariable(p)) {
                p.apply(iteration, learningRateMultiplier);
            }
        }
    }

    /**
     * Lane {@code index}'s slice of every dense layer variable: the other lanes' gradients added into lane 0's (the
     * parameter's own array), then one optimizer step over the slice.
     */
    void applyLane(DnnNetwork network, RowLanes lanes, int index) {
        int k = lanes.count();
        for (int l = 0; l < network.denseLayers(); l++) {
            DenseLayer layer = network.denseLayer(l);
            sumAndApply(layer.kernel, lanes, l, true, index, k);
            sumAndApply(layer.bias, lanes, l, false, index, k);
        }
    }

    private void sumAndApply(Parameter p, RowLanes lanes, int layer, boolean kernel, int index, int k) {
        int length = p.values.length;
        int from = (int) ((long) index * length / k);
        int to = (int) ((long) (index + 1) * length / k);
        float[] into = p.gradient;
        for (int j = 1; j < k; j++) {
            RowLane lane = lanes.lane(j);
            float[] g = kernel ? lane.kernelGradients[layer] : lane.biasGradients[layer];
            for (int i = from; i < to; i++) {
                into[i] += g[i];
            }
        }
        p.applyRange(iteration, learningRateMultiplier, from, to);
    }

    /** Values and slots of every trained variable, then the step count. */
    void saveTo(Map<String, float[]> out) {
        for (Parameter p : trained) {
            p.saveTo(out);
        }
    }

    void restoreFrom(Map<String, float[]> saved) {
        for (Parameter p : trained) {
            p.restoreFrom(saved);
        }
    }

    /** The step count as two exact floats (high and low 24 bits): Adam's bias correction needs it after a resume. */
    void saveIterations(Map<String, float[]> out) {
        out.put(iterationsName, new float[] {iteration >>> 24, iteration & 0xFFFFFF});
    }

    void restoreIterations(Map<String, float[]> saved) {
        float[] count = new float[2];
        Parameter.copy(saved, iterationsName, count);
        iteration = ((long) count[0] << 24) + (long) count[1];
    }
}
