package io.uts4j.it.apps;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool the server owns and its web applications share (as a container's managed executor is),
 * its threads started by the server itself at start-up: they outlive every web application.
 */
public final class ServerPool {
    private static final AtomicInteger COUNT = new AtomicInteger();
    public static final ThreadPoolExecutor EXECUTOR = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "server-pool-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private ServerPool() {}

    /** Starts the pool's threads now, from the calling (host) thread. */
    public static void start() {
        EXECUTOR.prestartAllCoreThreads();
    }
}
