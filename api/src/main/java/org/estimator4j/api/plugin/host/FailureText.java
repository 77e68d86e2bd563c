package org.estimator4j.api.plugin.host;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** How a provider's failure reads in a listing or an error: every cause on one line, and what to do next. */
final class FailureText {
    private FailureText() {}

    static String hint(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof LinkageError
                || root instanceof ClassNotFoundException
                || String.valueOf(e.getMessage()).endsWith(" not found")) {
            return "; a class is missing: check the META-INF/services entry and bundle the plugin's libraries into "
                    + "its jar";
        }
        return "";
    }

    /** {@code IllegalStateException: boom (caused by ...)}: every cause, on one line. */
    static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t != e) {
                s.append(" (caused by ");
            }
            s.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                s.append(": ").append(t.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        s.append(")".repeat(Math.max(0, seen.size() - 1)));
        return s.toString();
    }
}
