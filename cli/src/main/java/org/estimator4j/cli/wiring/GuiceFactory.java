package org.estimator4j.cli.wiring;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.spi.InjectionPoint;
import java.lang.reflect.Constructor;
import java.util.Objects;
import picocli.CommandLine;

/**
 * picocli's factory backed by the injector: every command, mixin and argument group picocli creates comes from Guice,
 * so their {@code @Inject} fields and constructors get the collaborators the modules bind. A class Guice cannot build
 * and that asks for no injection (a collection picocli fills, a class with only a private constructor) comes from
 * picocli's default factory, as it would without Guice. A class that asks for injection Guice cannot satisfy (a
 * binding missing from the modules) is an error, never a half-built command.
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
            if (asksForInjection(type)) {
                throw notInjectable;
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** Whether {@code type} has an {@code @Inject} constructor, field or method (its superclasses' included). */
    private static boolean asksForInjection(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray()) {
            return false; // nothing to inject into: picocli makes a collection, a proxy, ...
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(jakarta.inject.Inject.class)
                    || c.isAnnotationPresent(com.google.inject.Inject.class)) {
                return true;
            }
        }
        try {
            return !InjectionPoint.forInstanceMethodsAndFields(type).isEmpty();
        } catch (ConfigurationException malformed) {
            return true; // e.g. an @Inject final field: Guice's message says what is wrong
        }
    }
}
