package org.estimator4j.examples.plugin;

import java.util.List;
import org.estimator4j.spi.ParameterSpec;
import org.estimator4j.spi.ParameterType;
import org.estimator4j.spi.Parameters;
import org.estimator4j.spi.SpiVersion;
import org.estimator4j.spi.loss.Loss;
import org.estimator4j.spi.loss.LossProvider;

/**
 * {@code example.focal_loss}: binary focal loss (Lin et al., 2017) from a logit, {@code -α_t (1 - p_t)^γ log(p_t)},
 * which down-weights easy examples so a rare positive class gets more of the gradient. It is computed from the logit
 * in log-sigmoid form ({@code -log p_t = softplus(-u)}, {@code 1 - p_t = sigmoid(-u)} with {@code u = ±x}), so loss and
 * gradient stay finite and accurate for any finite logit, confidently wrong ones included.
 */
public final class FocalLossProvider implements LossProvider {
    @Override
    public String name() {
        return "example.focal_loss";
    }

    @Override
    public String description() {
        return "Binary focal loss from logits: down-weights well-classified examples (imbalanced data)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional("gamma", ParameterType.DOUBLE, 2.0, "focusing strength; 0 is cross-entropy"),
                ParameterSpec.optional("alpha", ParameterType.DOUBLE, 0.25, "weight of the positive class"));
    }

    @Override
    public Loss create(Parameters p) {
        double gamma = p.getDouble("gamma");
        double alpha = p.getDouble("alpha");
        if (gamma < 0 || alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException(
                    "example.focal_loss: gamma must be >= 0 and alpha in (0, 1), got " + gamma + ", " + alpha);
        }
        return (logits, labels, numRows, k, losses, gradient) -> {
            for (int r = 0; r < numRows; r++) {
                boolean positive = labels[r] > 0.5f;
                double at = positive ? alpha : 1 - alpha;
                // Everything from u = x for positives, -x for negatives (p_t = sigmoid(u)), never from 1 - p_t:
                // 1 - sigmoid(37) is already 0 in double, which made log(p_t) -inf and the gradient 0 / 0 = NaN.
                double u = positive ? logits[r] : -logits[r];
                double minusLogPt = softplus(-u); // -log(p_t)
                double pt = sigmoid(u);
                double oneMinusPt = sigmoid(-u);
                double m = Math.pow(oneMinusPt, gamma);
                losses[r] = (float) (at * m * minusLogPt);
                // dL/du = -α_t (1 - p_t)^γ (γ p_t (-log p_t) + 1 - p_t); dL/dx = ±dL/du.
                double du = -at * m * (gamma * pt * minusLogPt + oneMinusPt);
                gradient[r] = (float) (positive ? du : -du);
            }
        };
    }

    /** {@code log(1 + exp(x))} without overflow for large x or loss of precision for very negative x. */
    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** {@code 1 / (1 + exp(-x))}, evaluated on the side where {@code exp} cannot overflow. */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
