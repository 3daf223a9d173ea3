package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's task makes shared pools create their workers; later work of the host on those same
 * workers must see the host. Reports, for each task, the thread it ran on and the name it saw.
 */
public final class PoolCheck {
    static ExecutorService shared = Executors.newCachedThreadPool();

    public static void main(String[] args) throws Exception {
        Report.onThread("alpha-1", () -> {
            try {
                // Both pools are still empty: these submissions create their first workers.
                Report.print("alpha-common", CompletableFuture.supplyAsync(PoolCheck::seen).get());
                Report.print("alpha-executor", shared.submit(PoolCheck::seen).get());
                Report.print("alpha-inline", seen());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The host, later, on the workers the tenant's tasks created.
        Report.print("host-common", CompletableFuture.supplyAsync(PoolCheck::seen).get());
        Report.print("host-executor", shared.submit(PoolCheck::seen).get());
        Report.print("host-parallel", java.util.Map.of("names", String.join(",",
                java.util.stream.IntStream.range(0, 64).parallel().mapToObj(i -> host()).distinct().sorted()
                        .toArray(String[]::new))));
        shared.shutdown();
        shared.awaitTermination(10, TimeUnit.SECONDS);
    }

    static java.util.Map<String, String> seen() {
        Thread t = Thread.currentThread();
        return java.util.Map.of("thread", t.getName(), "worker", String.valueOf(t instanceof ForkJoinWorkerThread
                || t.getName().startsWith("pool-")), "localHost.name", host(),
                "commonPoolSize", String.valueOf(ForkJoinPool.commonPool().getPoolSize()));
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "ERR:" + e;
        }
    }
}
