package io.uts4j.it.apps;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pool the server makes at start-up, before any web application runs, and lends to all of them
 * (as a library on the server's class path would): its class comes from the server's loader, so
 * every web application sees this one instance.
 */
public final class ServerPools {
    public static final ExecutorService SHARED = Executors.newFixedThreadPool(4);

    private ServerPools() {}
}
