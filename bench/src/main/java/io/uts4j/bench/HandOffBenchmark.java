package io.uts4j.bench;

import java.net.InetAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Work handed to other threads, timed from a JMH worker thread: what identity-follows-work
 * (issue 8) adds to a hand-off. The subclasses differ only in their {@code @Fork}: no agent, the
 * agent with a tenant whose rule misses the worker ("unbound": its tasks capture nothing), and the
 * agent with a tenant whose rule matches it ("bound": every task carries the tenant and runs as it).
 * The pools are made in setup, by the JMH worker thread; each fork checks there that a task
 * handed over sees the identity the fork expects. Sampled: read the median ({@code p0.50}), which a
 * busy machine disturbs far less than the mean of a round trip that wakes another thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class HandOffBenchmark {
    ExecutorService fixed;
    ForkJoinPool forkJoin;
    // A field, not a lambda per call: the hand-off's own allocation is what -prof gc shows.
    final Callable<Integer> task = () -> 1;
    long elements = 1_000_000;

    @Setup(Level.Trial)
    public void makePoolsAndCheckBinding() throws Exception {
        fixed = Executors.newFixedThreadPool(2);
        forkJoin = new ForkJoinPool(2);
        boolean expected = Boolean.getBoolean("uts4j.bench.bound");
        check("the JMH worker", hostname(), expected);
        check("a fixed pool's task", fixed.submit(HandOffBenchmark::hostname).get(), expected);
        check("a ForkJoinPool's task", forkJoin.submit(HandOffBenchmark::hostname).get(), expected);
        for (String seen : LongStream.range(0, 64).parallel().mapToObj(i -> hostname()).collect(Collectors.toSet())) {
            check("a parallel stream's element", seen, expected);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "ERR:" + e;
        }
    }

    private static void check(String who, String seen, boolean bound) {
        if (bound != IdentityCallsBenchmark.TENANT_HOSTNAME.equals(seen)) {
            throw new IllegalStateException(who + " sees hostname " + seen + " but this fork expects it "
                    + (bound ? "" : "not ") + "to be bound");
        }
    }

    @TearDown(Level.Trial)
    public void stopPools() {
        fixed.shutdownNow();
        forkJoin.shutdownNow();
    }

    /** {@code submit(task).get()} on a ThreadPoolExecutor: wrap, queue, a worker runs it, the caller wakes. */
    @Benchmark
    public Integer fixedPoolRoundTrip() throws Exception {
        return fixed.submit(task).get();
    }

    /** The same on a ForkJoinPool: its adapter task captures at construction, doExec restores. */
    @Benchmark
    public Integer forkJoinRoundTrip() throws Exception {
        return forkJoin.submit(task).get();
    }

    /** A parallel stream on the common pool: every task it splits into carries the caller's binding. */
    @Benchmark
    public long parallelStreamSum() {
        return LongStream.range(0, elements).parallel().sum();
    }
}
