package io.uts4j.it.apps;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a pool's only worker busy until opened, so that what is handed over meanwhile waits in the
 * pool's queue. The wait is bounded: a gate never opened lets its worker go after the timeout.
 */
public final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    /** What the worker runs to be held: returns once the gate opens. */
    public void hold() {
        entered.countDown();
        try {
            open.await(SharedPools.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a worker is held here; fails if none comes. */
    public void awaitHeld() throws InterruptedException {
        if (!entered.await(SharedPools.TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new IllegalStateException("no worker came to the gate");
    }

    public void open() {
        open.countDown();
    }
}
