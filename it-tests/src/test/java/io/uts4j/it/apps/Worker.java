package io.uts4j.it.apps;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A thread the host makes (named, with a context class loader, so that uts4j's rules bind it) and
 * then hands code to run on it, one call at a time. No executor is involved, so nothing of the
 * caller's identity travels with the code: it runs as whatever the thread is bound to.
 */
public final class Worker implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 90;
    private final LinkedBlockingQueue<FutureTask<?>> calls = new LinkedBlockingQueue<>();
    private final Thread thread;

    /** @param contextLoader the thread's context class loader, or null to keep the creator's */
    public Worker(String name, ClassLoader contextLoader) {
        thread = new Thread(this::serve, name);
        if (contextLoader != null) thread.setContextClassLoader(contextLoader);
        thread.setDaemon(true);
        thread.start();
    }

    public Thread thread() {
        return thread;
    }

    /** Runs a call on the worker's thread and waits for its result; what it throws is thrown here. */
    public <T> T call(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        calls.put(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) throw (Exception) e.getCause();
            throw e;
        }
    }

    private void serve() {
        try {
            while (true) calls.take().run();
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
}
