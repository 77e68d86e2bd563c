/**
 * The composition root's wiring: the Guice modules that bind what commands share ({@link ConsoleModule} the streams
 * and terminal, {@link ClockModule} the time now, {@link StoreModule} how the experiment store is opened,
 * {@link PluginModule} how the plugin registry is loaded, {@link DoctorModule} what {@code e4j doctor} checks),
 * {@link E4jModules#production()} that combines them, and
 * {@link GuiceFactory}, the picocli factory through which every command is created and injected. Only this CLI uses
 * Guice: the library modules keep plain constructors and builders. The package depends on the CLI's command packages
 * for the types it binds; only the root command refers to it.
 */
package org.estimator4j.cli.wiring;
