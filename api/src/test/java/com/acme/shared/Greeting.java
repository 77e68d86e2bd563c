package com.acme.shared;

/**
 * The host's copy of a class a test plugin also bundles, in a different version: a child-first plugin class loader
 * must give the plugin its own copy ({@code "plugin"}), the host keeps this one.
 */
public final class Greeting {
    private Greeting() {}

    public static String who() {
        return "host";
    }
}
