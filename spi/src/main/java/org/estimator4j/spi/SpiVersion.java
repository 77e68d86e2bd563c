package org.estimator4j.spi;

/**
 * The version of this plugin contract. It grows when the SPI changes in a way an old plugin or an old host cannot
 * live with; additions made through default methods keep it. A plugin returns {@link #CURRENT} from
 * {@link ComponentProvider#spiVersion()}: the constant is compiled into the plugin, so the host learns the version the
 * plugin was built against and refuses one it cannot run.
 *
 * @since SPI 1
 */
public final class SpiVersion {
    /** The SPI version of this jar. */
    public static final int CURRENT = 1;

    /** The oldest plugin SPI version this host still runs. */
    public static final int OLDEST_SUPPORTED = 1;

    private SpiVersion() {}
}
