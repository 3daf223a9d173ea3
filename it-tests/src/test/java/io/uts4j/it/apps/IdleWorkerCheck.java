package io.uts4j.it.apps;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * After a tenant's task, its worker idles holding nothing of the tenant's: an object that only the
 * task captured becomes unreachable (a weak reference to it is cleared after a GC), and the host's
 * next task on that worker (each pool has one) sees the host. Prints per pool
 * {@code @idle.<pool>\ttenantSaw=..\tcleared=..\thostSaw=..\tsameWorker=..}.
 */
public final class IdleWorkerCheck {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    /** Hands a task to a pool and waits for it to finish. */
    interface HandOff {
        void run(Runnable task) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Host.control();
        ExecutorService fixed = Executors.newFixedThreadPool(1);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        Timer timer = new Timer("host-timer", true);

        check("fixed.submit", t -> fixed.submit(t).get(T, TimeUnit.SECONDS));
        check("fixed.execute", t -> ran(done -> fixed.execute(() -> {
            t.run();
            done.complete(null);
        })));
        check("scheduled.schedule", t -> scheduled.schedule(t, 1, TimeUnit.MILLISECONDS).get(T, TimeUnit.SECONDS));
        check("scheduled.atFixedRate", t -> ran(done -> {
            int[] runs = {0};
            var f = scheduled.scheduleAtFixedRate(() -> {
                if (runs[0]++ == 0) t.run();
                done.complete(null);
            }, 0, 1, TimeUnit.MILLISECONDS);
            done.whenComplete((x, e) -> f.cancel(false));
        }));
        check("forkJoin.submit", t -> forkJoin.submit(t).get(T, TimeUnit.SECONDS));
        check("completableFuture.runAsync", t -> CompletableFuture.runAsync(t, fixed).get(T, TimeUnit.SECONDS));
        check("timer.schedule", t -> ran(done -> timer.schedule(new TimerTask() {
            @Override
            public void run() {
                t.run();
                done.complete(null);
            }
        }, 1)));
        for (ExecutorService e : new ExecutorService[] {fixed, scheduled, forkJoin}) e.shutdown();
        timer.cancel();
    }

    private static void ran(Consumer<CompletableFuture<Void>> handOff) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        handOff.accept(done);
        done.get(T, TimeUnit.SECONDS);
    }

    private static void check(String pool, HandOff handOff) throws Exception {
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        Map<String, String> m = new LinkedHashMap<>();
        WeakReference<?>[] weak = new WeakReference<?>[1];
        Report.onThread("alpha-1", () -> {
            Object tenantsOwn = new Object();
            weak[0] = new WeakReference<>(tenantsOwn, collected);
            Seen[] seen = new Seen[1];
            try {
                handOff.run(() -> {
                    seen[0] = Seen.now();
                    if (tenantsOwn.hashCode() == 0) System.out.print(""); // captured by the task, and only by it
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            m.put("tenantSaw", seen[0].identity());
            m.put("tenantThread", seen[0].thread());
        });
        m.put("cleared", String.valueOf(clearedAfterGc(collected)));
        Seen[] host = new Seen[1];
        handOff.run(() -> host[0] = Seen.now());
        m.put("hostSaw", host[0].identity());
        m.put("sameWorker", String.valueOf(host[0].thread().equals(m.get("tenantThread"))));
        Report.print("idle." + pool, m);
    }

    /** GCs until the weak reference is enqueued: true once it is, false if it never is (bounded). */
    private static boolean clearedAfterGc(ReferenceQueue<Object> collected) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            System.gc();
            if (collected.remove(100) != null) return true;
        }
        return false;
    }
}
