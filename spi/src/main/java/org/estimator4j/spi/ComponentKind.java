package org.estimator4j.spi;

import java.util.Locale;

/**
 * What a provider makes. The kind and the name together identify a component in configs ({@code "loss": {"type":
 * "acme.focal_loss"}}).
 *
 * @since SPI 1
 */
public enum ComponentKind {
    LAYER,
    LOSS,
    METRIC,
    CALLBACK;

    /** The lower-case name used in configs and listings ({@code loss}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
