package org.estimator4j.cli.store;

import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.StoreCheck;

/**
 * How commands reach the experiment store, given the location they resolved ({@code --store}, the config's
 * {@code store}, {@code E4J_STORE} or the default, through {@link org.estimator4j.store.StoreLocation#resolve}).
 * Bound by {@code wiring.StoreModule} to {@link ExperimentStoreOpener}; the caller closes what it opens.
 */
public interface StoreOpener {
    /**
     * Opens the store at a JDBC URL or path: created or upgraded when {@code readOnly} is false, only read (and never
     * created) when it is true.
     *
     * @throws org.estimator4j.store.StoreException when it cannot be opened
     */
    ExperimentStore open(String location, boolean readOnly);

    /** Checks the store at a JDBC URL or path without writing to it ({@link ExperimentStore#check}). */
    StoreCheck check(String location);
}
