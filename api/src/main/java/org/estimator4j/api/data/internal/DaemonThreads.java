package org.estimator4j.api.data.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a forgotten pass never keeps the JVM alive and thread dumps say whose thread it is. */
final class DaemonThreads implements ThreadFactory {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    DaemonThreads(String name) {
        this.prefix = "e4j-" + name + "-" + POOLS.incrementAndGet() + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
