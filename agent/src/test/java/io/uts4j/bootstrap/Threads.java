package io.uts4j.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;

/**
 * Work on helper threads whose every failure fails the test: each runs as a {@link FutureTask}, and
 * its outcome (an assertion failing there included) is taken back with a timeout.
 */
final class Threads {
    static final long TIMEOUT_SECONDS = 30;

    private Threads() {}

    /** Runs the body on a new thread of that name (created and started as woven JDK code does); its result. */
    static <T> T call(String name, Callable<T> body) throws Exception {
        return result(start(name, body));
    }

    /** As {@link #call(String, Callable)}, the new thread's context class loader (null allowed) set first. */
    static <T> T callWithLoader(String name, ClassLoader contextLoader, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread t = WovenJdk.newThread(task, name);
        WovenJdk.setContextClassLoader(t, contextLoader);
        WovenJdk.start(t);
        return result(task);
    }

    /** The tenant a new thread of that name is bound to; null for the host. */
    static Uts4jTenant tenantOf(String name) throws Exception {
        return call(name, Uts4jInstall::currentTenant);
    }

    /** The tenant a new thread of that name and context class loader (null allowed) is bound to. */
    static Uts4jTenant tenantOf(String name, ClassLoader contextLoader) throws Exception {
        return callWithLoader(name, contextLoader, Uts4jInstall::currentTenant);
    }

    /** Starts the body on a new thread (created and started as woven JDK code does); take its outcome with {@link #result}. */
    static <T> FutureTask<T> start(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        WovenJdk.start(WovenJdk.newThread(task, name));
        return task;
    }

    /** The outcome of work on another thread: its result, or what it threw, rethrown here. */
    static <T> T result(Future<T> task) throws Exception {
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) throw (Error) cause;
            if (cause instanceof Exception) throw (Exception) cause;
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new AssertionError("work on another thread did not finish within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Waits for a latch, failing (not hanging) when it is never counted down. */
    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("waited " + TIMEOUT_SECONDS + " s for another thread");
        }
    }
}
