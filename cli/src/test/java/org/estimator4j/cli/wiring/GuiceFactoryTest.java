package org.estimator4j.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class GuiceFactoryTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** A mixin picocli creates through the factory, so it is injected too. */
    static final class Timing {
        @Inject
        Clock clock;

        @Option(names = "--late")
        boolean late;
    }

    @Command(name = "when")
    static final class When implements Callable<Integer> {
        private final Clock clock;

        @Mixin
        Timing timing;

        @Inject
        When(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            return clock.instant().equals(timing.clock.instant()) && timing.late ? 0 : 1;
        }
    }

    /** Guice cannot build it (its one constructor is private); picocli's default factory can. */
    static final class OnlyPrivate {
        private OnlyPrivate() {}
    }

    /** Asks for something no module binds. */
    @Command(name = "needy")
    static final class Needy implements Callable<Integer> {
        @Inject
        Runnable unbound;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private final Injector injector = Guice.createInjector(Modules.override(E4jModules.production())
            .with(binder -> binder.bind(Clock.class).toInstance(FIXED)));

    @Test
    void commandsAndTheirMixinsAreInjectedWithTheBindingsOfTheModules() throws Exception {
        GuiceFactory factory = new GuiceFactory(injector);
        When when = factory.create(When.class);
        assertSame(FIXED, when.clock);
        assertEquals(0, new CommandLine(When.class, factory).execute("--late"));
    }

    @Test
    void whatGuiceCannotBuildComesFromPicocliDefaultFactory() throws Exception {
        GuiceFactory factory = new GuiceFactory(injector);
        assertInstanceOf(OnlyPrivate.class, factory.create(OnlyPrivate.class));
        assertInstanceOf(List.class, factory.create(List.class));
    }

    @Test
    void aMissingBindingIsAnErrorNotACommandBuiltWithoutIt() {
        GuiceFactory factory = new GuiceFactory(injector);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> factory.create(Needy.class));
        assertTrue(e.getMessage().contains("Runnable"), e.getMessage());
    }

    @Test
    void everyE4jSubcommandIsCreatedByTheInjector() {
        // Building the whole tree instantiates every command, mixin and group: none may fail to inject.
        CommandLine root = org.estimator4j.cli.E4j.commandLine(injector);
        assertTrue(root.getSubcommands().containsKey("train"));
    }
}
