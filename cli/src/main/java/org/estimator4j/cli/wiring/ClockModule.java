package org.estimator4j.cli.wiring;

import com.google.inject.AbstractModule;
import java.time.Clock;

/**
 * The time now, as commands record it (when a run starts, when an experiment is created): the system clock in UTC.
 * Tests override it with {@link Clock#fixed}. Durations (steps per second, read speed) are measured with
 * {@link System#nanoTime}, which no wall clock should replace.
 */
public final class ClockModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}
