package org.estimator4j.cli.wiring;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * The modules of the {@code e4j} process, one per collaborator commands share: {@link ConsoleModule},
 * {@link ClockModule}, {@link StoreModule} and {@link PluginModule}, and the checks of {@code e4j doctor}
 * ({@link DoctorModule}). A test swaps one with
 * {@code Modules.override(E4jModules.production()).with(itsOwn)}.
 */
public final class E4jModules {
    private E4jModules() {}

    /** What {@code bin/e4j} runs with. */
    public static Module production() {
        return Modules.combine(
                new ConsoleModule(), new ClockModule(), new StoreModule(), new PluginModule(), new DoctorModule());
    }
}
