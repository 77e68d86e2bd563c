package org.estimator4j.bench.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Mean sigmoid cross-entropy of logits against 0/1 labels, built as tf.nn.sigmoid_cross_entropy_with_logits builds
 * it: {@code relu_logits - x·z + log1p(exp(neg_abs_logits))} with both terms chosen by {@code select(x >= 0, ...)}.
 *
 * <p>Not {@code relu(x) - x·z + log1p(exp(-abs(x)))}: same value, but at x = 0 the gradients of relu and abs are
 * 0, which makes d loss / dx = -z instead of 0.5 - z, and x = 0 is exactly where a zero-initialised linear model
 * starts. The select form gives the true derivative, sigmoid(x) - z, everywhere.
 */
final class SigmoidCrossEntropy {
    private SigmoidCrossEntropy() {}

    static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
        Operand<TBool> nonNegative = tf.math.greaterEqual(logits, tf.zerosLike(logits));
        Operand<TFloat32> reluLogits = tf.select(nonNegative, logits, tf.zerosLike(logits));
        Operand<TFloat32> negAbsLogits = tf.select(nonNegative, tf.math.neg(logits), logits);
        Operand<TFloat32> perExample = tf.math.add(
                tf.math.sub(reluLogits, tf.math.mul(logits, labels)), tf.math.log1p(tf.math.exp(negAbsLogits)));
        return tf.withName("loss").math.mean(perExample, tf.constant(new int[] {0, 1}));
    }
}
