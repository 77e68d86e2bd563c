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
 * which down-weights easy examples so a rare positive class gets more of the gradient.
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
            throw new IllegalArgumentException("example.focal_loss: gamma must be >= 0 and alpha in (0, 1), got "
                    + gamma + ", " + alpha);
        }
        return (logits, labels, numRows, k, losses, gradient) -> {
            for (int r = 0; r < numRows; r++) {
                double x = logits[r];
                double p1 = 1 / (1 + Math.exp(-x));
                boolean positive = labels[r] > 0.5f;
                double pt = positive ? p1 : 1 - p1;
                double at = positive ? alpha : 1 - alpha;
                // log(p_t) = -softplus(-x) for positives, -softplus(x) for negatives: stable for large |x|.
                double z = positive ? -x : x;
                double logPt = -(Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
                double m = Math.pow(1 - pt, gamma);
                losses[r] = (float) (-at * m * logPt);
                // d/dp_t of -a (1-p_t)^γ log p_t, times dp_t/dx = ±p_t (1 - p_t).
                double focusing = gamma == 0 || pt >= 1 ? 0 : gamma * Math.pow(1 - pt, gamma - 1) * logPt;
                double dPt = at * (focusing - m / pt);
                double dx = dPt * pt * (1 - pt) * (positive ? 1 : -1);
                gradient[r] = (float) dx;
            }
        };
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }
}
