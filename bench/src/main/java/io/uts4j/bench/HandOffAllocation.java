package io.uts4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;

/**
 * Bytes allocated per hand-off by the threads that take part in it alone — the submitting thread
 * and the pool's workers — which {@code -prof gc} cannot tell apart from the JVM's other threads
 * (on a busy machine its per-operation figure moves with the throughput). The same three hand-offs
 * as {@link HandOffBenchmark}. Run it without the agent and with it, on a thread whose name the
 * tenant's rule matches or not:
 * {@code java [-javaagent:agent/target/uts4j-agent.jar=kernel=off,tenant.t.hostname=t,tenant.t.threads=bound-.*]
 * -cp bench/target/benchmarks.jar io.uts4j.bench.HandOffAllocation <thread name>}.
 */
public final class HandOffAllocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Thread submitter = new Thread(() -> {
            try {
                measure();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, args[0]);
        submitter.start();
        submitter.join();
    }

    private static void measure() throws Exception {
        ExecutorService fixed = Executors.newFixedThreadPool(2);
        ForkJoinPool forkJoin = new ForkJoinPool(2);
        Set<Long> threads = ConcurrentHashMap.newKeySet(); // those that took part: their allocation counts
        threads.add(Thread.currentThread().getId());
        Callable<Long> task = () -> Thread.currentThread().getId();
        for (String handOff : new String[] {"fixedPoolRoundTrip", "forkJoinRoundTrip", "parallelStreamSum"}) {
            int n = handOff.equals("parallelStreamSum") ? 20_000 : 200_000;
            double perOp = 0;
            for (int round = 0; round < 3; round++) { // the last round counts: the first two warm up
                long before = allocated(threads);
                for (int i = 0; i < n; i++) {
                    switch (handOff) {
                        case "fixedPoolRoundTrip" -> threads.add(fixed.submit(task).get());
                        case "forkJoinRoundTrip" -> threads.add(forkJoin.submit(task).get());
                        default -> LongStream.range(0, 1_000_000).parallel()
                                .peek(x -> {
                                    if (x % 250_000 == 0) threads.add(Thread.currentThread().getId());
                                }).sum();
                    }
                }
                perOp = (allocated(threads) - before) / (double) n;
            }
            System.out.printf("%s %s: %.1f B/op (%d threads)%n", Thread.currentThread().getName(), handOff, perOp,
                    threads.size());
        }
        fixed.shutdown();
        forkJoin.shutdown();
    }

    private static long allocated(Set<Long> threads) {
        long sum = 0;
        for (long id : threads) sum += THREADS.getThreadAllocatedBytes(id);
        return sum;
    }
}
