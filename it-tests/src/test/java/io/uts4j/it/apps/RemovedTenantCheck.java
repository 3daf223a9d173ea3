package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's work handed over, then the tenant removed before the work runs: it runs as the host.
 * Each pool's only worker is held while tenant {@code delta} (added at run time) hands work over;
 * the host removes delta, then lets the workers go. Prints {@code @delta.before\tseen=..} (what delta's
 * thread saw) and {@code @removed.<hand-off>\tseen=..} for each hand-off.
 */
public final class RemovedTenantCheck {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        control.addTenant("delta", Map.of("hostname", "delta-host", "threads", "delta-\\d+",
                "property.os.name", "delta-os", "env.REGION", "delta-region"));
        ExecutorService fixed = Executors.newFixedThreadPool(1);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(1);
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        Timer timer = new Timer("host-timer", true);
        Gate fixedGate = new Gate(), scheduledGate = new Gate(), forkJoinGate = new Gate(), timerGate = new Gate();
        fixed.execute(fixedGate::hold);
        scheduled.execute(scheduledGate::hold);
        forkJoin.execute(forkJoinGate::hold);
        timer.schedule(task(timerGate::hold), 0);
        for (Gate g : List.of(fixedGate, scheduledGate, forkJoinGate, timerGate)) g.awaitHeld();

        Map<String, Future<Seen>> handedOver = new LinkedHashMap<>();
        CompletableFuture<String> hostCompletes = new CompletableFuture<>();
        Report.onThread("delta-1", () -> {
            Report.print("delta.before", Map.of("seen", Seen.now().identity()));
            handedOver.put("fixed.submit", fixed.submit(Seen::now));
            handedOver.put("fixed.execute", execute(fixed));
            handedOver.put("scheduled.schedule", scheduled.schedule(Seen::now, 1, TimeUnit.MILLISECONDS));
            handedOver.put("forkJoin.submit", forkJoin.submit(Seen::now));
            handedOver.put("completableFuture.supplyAsync", CompletableFuture.supplyAsync(Seen::now, fixed));
            handedOver.put("completableFuture.thenApply", hostCompletes.thenApply(x -> Seen.now()));
            CompletableFuture<Seen> timed = new CompletableFuture<>();
            timer.schedule(task(() -> timed.complete(Seen.now())), 1);
            handedOver.put("timer.schedule", timed);
        });

        control.removeTenant("delta");
        for (Gate g : List.of(fixedGate, scheduledGate, forkJoinGate, timerGate)) g.open();
        hostCompletes.complete("done");
        for (Map.Entry<String, Future<Seen>> e : handedOver.entrySet()) {
            Report.print("removed." + e.getKey(), Map.of("seen", e.getValue().get(T, TimeUnit.SECONDS).identity()));
        }
        for (ExecutorService e : List.of(fixed, scheduled, forkJoin)) e.shutdown();
        timer.cancel();
    }

    private static Future<Seen> execute(ExecutorService pool) {
        CompletableFuture<Seen> out = new CompletableFuture<>();
        pool.execute(() -> out.complete(Seen.now()));
        return out;
    }

    private static TimerTask task(Runnable r) {
        return new TimerTask() {
            @Override
            public void run() {
                r.run();
            }
        };
    }
}
