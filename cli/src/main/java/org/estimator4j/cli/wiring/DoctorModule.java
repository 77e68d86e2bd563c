package org.estimator4j.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.util.List;
import org.estimator4j.cli.doctor.Check;
import org.estimator4j.cli.doctor.DoctorCommand;

/** The checks {@code e4j doctor} runs: {@link DoctorCommand#defaultChecks()}. Tests bind checks with fixed results. */
public final class DoctorModule extends AbstractModule {
    @Provides
    List<Check> checks() {
        return DoctorCommand.defaultChecks();
    }
}
