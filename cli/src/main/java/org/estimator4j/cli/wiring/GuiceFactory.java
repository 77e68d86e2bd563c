package org.estimator4j.cli.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import java.util.Objects;
import picocli.CommandLine;

/**
 * picocli's factory backed by the injector: every command, mixin and argument group picocli creates comes from Guice,
 * so their {@code @Inject} fields and constructors get the collaborators the modules bind. A class Guice cannot build
 * (a collection picocli fills, a class with only a private constructor) comes from picocli's default factory, as it
 * would without Guice.
 */
public final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    public GuiceFactory(Injector injector) {
        this.injector = Objects.requireNonNull(injector, "injector");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException notInjectable) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
