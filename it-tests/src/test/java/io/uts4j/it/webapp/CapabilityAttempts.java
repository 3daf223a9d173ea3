package io.uts4j.it.webapp;

import io.uts4j.Uts4j;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tenant code asking for the host's capability, {@code Uts4j.control()}: on its own thread, and on
 * every kind of thread it can have started or have something run on — where it is not bound to
 * its tenant at all, it must still not pass for host code.
 */
final class CapabilityAttempts {
    static final List<String> ROUTES = List.of("control.ownThread", "control.childThread", "control.noInheritThread",
            "control.methodReferenceOnNoInheritThread", "control.poolWorker", "control.commonPool",
            "control.grandchildOfNoInheritThread", "control.virtualThreadNoInherit", "control.finalizer");

    private CapabilityAttempts() {}

    static Object attempt(String route) throws Exception {
        switch (route) {
            case "control.ownThread":
                return Uts4j.control();
            case "control.childThread":
                return Outcome.onThread(r -> new Thread(r, "child-of-tenant"), () -> Uts4j.control());
            case "control.noInheritThread":
                return Outcome.onThread(CapabilityAttempts::noInherit, () -> Uts4j.control());
            case "control.methodReferenceOnNoInheritThread": {
                // Only JDK code (FutureTask, Thread) runs the method reference: no frame of this class.
                FutureTask<Object> task = new FutureTask<>(Uts4j::control);
                Thread t = noInherit(task);
                t.start();
                return task.get(Outcome.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            case "control.poolWorker": {
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    return pool.submit((Callable<Object>) Uts4j::control).get(Outcome.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } finally {
                    pool.shutdownNow();
                }
            }
            case "control.commonPool":
                return CompletableFuture.supplyAsync(Uts4j::control).get(Outcome.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            case "control.grandchildOfNoInheritThread":
                return Outcome.onThread(CapabilityAttempts::noInherit,
                        () -> Outcome.onThread(CapabilityAttempts::noInherit, () -> Uts4j.control()));
            case "control.virtualThreadNoInherit":
                return Outcome.onThread(CapabilityAttempts::virtualNoInherit, () -> Uts4j.control());
            case "control.finalizer":
                return inFinalizer(Uts4j::control);
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    /** A thread that inherits no inheritable thread local: uts4j's binding is one. */
    static Thread noInherit(Runnable r) {
        return new Thread(null, r, "no-inherit", 0, false);
    }

    /** JDK 21+, through reflection (this compiles for 17): a virtual thread that inherits nothing. */
    static Thread virtualNoInherit(Runnable r) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> b = Class.forName("java.lang.Thread$Builder");
            builder = b.getMethod("inheritInheritableThreadLocals", boolean.class).invoke(builder, false);
            return (Thread) b.getMethod("unstarted", Runnable.class).invoke(builder, r);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("no virtual threads on Java " + Runtime.version().feature(), e);
        }
    }

    /** Runs a body in a finalizer: on the JDK's own finalizer thread, which nobody bound. */
    static Object inFinalizer(Callable<?> body) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        new Finalizing(body, result); // unreachable at once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Outcome.TIMEOUT_SECONDS);
        while (!result.isDone() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        if (!result.isDone()) throw new TimeoutException("not finalized within " + Outcome.TIMEOUT_SECONDS + " s");
        return result.get();
    }

    private static final class Finalizing {
        private final Callable<?> body;
        private final CompletableFuture<Object> result;

        Finalizing(Callable<?> body, CompletableFuture<Object> result) {
            this.body = body;
            this.result = result;
        }

        @Override
        @SuppressWarnings({"deprecation", "removal"})
        protected void finalize() {
            try {
                result.complete(body.call() + " on " + Thread.currentThread().getName());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }
    }
}
