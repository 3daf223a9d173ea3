package io.uts4j.bootstrap;

import java.util.function.Consumer;

/**
 * Runs what it is given from a frame of its own class. {@link TenantLoader} defines a copy of it, so
 * that a tenant's class is on the stack of whatever that copy runs, as a web application's code is.
 */
public final class TenantCode implements Consumer<Runnable> {
    @Override
    public void accept(Runnable body) {
        body.run();
    }
}
