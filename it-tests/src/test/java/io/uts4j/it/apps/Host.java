package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;

/**
 * The host's capability, as a server takes it: once, first thing in main, before any tenant's code
 * runs; every checker main that administers uts4j or binds threads to tenants through the API calls
 * {@link #control()} first.
 */
public final class Host {
    private static Uts4jControl control;

    private Host() {}

    public static synchronized Uts4jControl control() {
        if (control == null) control = Uts4j.control();
        return control;
    }
}
