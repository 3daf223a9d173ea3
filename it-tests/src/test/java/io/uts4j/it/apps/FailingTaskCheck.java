package io.uts4j.it.apps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tenant's task that throws leaves its worker as it was: the host's next task on that worker
 * (each pool has one) sees what it saw before. Prints per pool
 * {@code @failing.<pool>\tfailed=..\tfailedThread=..\tnext=..\tnextThread=..}.
 */
public final class FailingTaskCheck {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    /** A hand-off whose outcome the submitter waits for; it must fail. */
    interface Submit {
        Future<?> submit(Callable<Seen> task) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Host.control();
        ExecutorService fixed = Executors.newFixedThreadPool(1);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        // A worker that its name binds to beta: the host's tasks run on it as the host, before and after.
        ExecutorService betaWorker = Executors.newFixedThreadPool(1, r -> new Thread(r, "beta-77"));
        // Made now, by the host: a worker the pool made on a tenant's thread, as it submits, would be that
        // tenant's (its name was chosen while the tenant's code ran) and bound to no one else.
        ((java.util.concurrent.ThreadPoolExecutor) betaWorker).prestartAllCoreThreads();

        check("fixed.submit", fixed::submit, fixed);
        check("scheduled.schedule", t -> scheduled.schedule(t, 1, TimeUnit.MILLISECONDS), scheduled);
        check("forkJoin.submit", forkJoin::submit, forkJoin);
        check("completableFuture.supplyAsync", t -> CompletableFuture.supplyAsync(() -> {
            try {
                return t.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, fixed), fixed);
        check("betaWorker.submit", betaWorker::submit, betaWorker);
        // execute: the exception ends the worker; the pool replaces it.
        check("fixed.execute", t -> {
            CompletableFuture<Seen> ran = new CompletableFuture<>();
            fixed.execute(() -> {
                try {
                    t.call();
                } catch (Exception e) {
                    ran.completeExceptionally(e);
                    throw new IllegalStateException(e);
                }
            });
            return ran;
        }, fixed);
        for (ExecutorService e : new ExecutorService[] {fixed, scheduled, forkJoin, betaWorker}) e.shutdown();
    }

    private static void check(String pool, Submit submit, ExecutorService next) throws Exception {
        AtomicReference<Seen> failed = new AtomicReference<>();
        Report.onThread("alpha-1", () -> {
            try {
                submit.submit(() -> {
                    failed.set(Seen.now());
                    throw new IllegalStateException("a task that fails, deliberately");
                }).get(T, TimeUnit.SECONDS);
                throw new AssertionError(pool + ": the failing task did not fail");
            } catch (ExecutionException expected) {
                // what a failing task gives its submitter
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Seen after = next.submit(Seen::now).get(T, TimeUnit.SECONDS);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("failed", failed.get().identity());
        m.put("failedThread", failed.get().thread());
        m.put("next", after.identity());
        m.put("nextThread", after.thread());
        Report.print("failing." + pool, m);
    }
}
