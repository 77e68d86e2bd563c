package org.estimator4j.cli.store;

import jakarta.inject.Inject;
import java.time.Clock;
import org.estimator4j.store.ExperimentStore;
import org.estimator4j.store.StoreCheck;

/** Opens real stores (H2 or PostgreSQL), with the clock that stamps when experiments are created and runs start. */
public final class ExperimentStoreOpener implements StoreOpener {
    private final Clock clock;

    @Inject
    public ExperimentStoreOpener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ExperimentStore open(String location, boolean readOnly) {
        return ExperimentStore.builder(location).readOnly(readOnly).clock(clock).open();
    }

    @Override
    public StoreCheck check(String location) {
        return ExperimentStore.check(location);
    }
}
