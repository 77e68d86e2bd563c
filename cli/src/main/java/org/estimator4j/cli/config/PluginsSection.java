package org.estimator4j.cli.config;

/** {@code "plugins": {"dir": "plugins"}}: a folder of plugin jars, relative to the config file. */
record PluginsSection(String dir) {}
