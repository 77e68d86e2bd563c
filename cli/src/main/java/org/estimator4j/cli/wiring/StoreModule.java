package org.estimator4j.cli.wiring;

import com.google.inject.AbstractModule;
import org.estimator4j.cli.store.ExperimentStoreOpener;
import org.estimator4j.cli.store.StoreOpener;

/** How commands open the experiment store at the location they resolved: real H2 / PostgreSQL stores. */
public final class StoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(StoreOpener.class).to(ExperimentStoreOpener.class);
    }
}
