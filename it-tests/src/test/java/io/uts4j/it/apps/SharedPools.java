package io.uts4j.it.apps;

import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's pools, made by the host before any tenant's code runs, as a server makes its shared
 * pools at start-up. Their workers start on demand: the first are made by whoever submits first.
 * The JDK 21+ executors (thread per task, virtual threads) are reached by reflection so that this
 * compiles for 17; they are null on older JDKs.
 */
public final class SharedPools {
    public static final long TIMEOUT_SECONDS = 30;

    public final ExecutorService fixed = Executors.newFixedThreadPool(4);
    public final ExecutorService cached = Executors.newCachedThreadPool();
    /** A pool whose thread factory is a lambda, as many applications write it. */
    public final ExecutorService lambdaFactory = Executors.newFixedThreadPool(2, r -> new Thread(r, "lambda-made"));
    public final ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(2);
    public final ForkJoinPool forkJoin = new ForkJoinPool(4);
    public final Timer timer = new Timer("host-timer", true);
    public final HostThread completer = new HostThread("host-completer");
    public final ExecutorService threadPerTask = jdk21Executor("newThreadPerTaskExecutor", ThreadFactory.class,
            Executors.defaultThreadFactory());
    public final ExecutorService virtualThreads = jdk21Executor("newVirtualThreadPerTaskExecutor", null, null);

    public void shutdown() throws InterruptedException {
        for (ExecutorService e : new ExecutorService[] {fixed, cached, lambdaFactory, scheduled, forkJoin, threadPerTask,
                virtualThreads}) {
            if (e == null) continue;
            e.shutdownNow();
            e.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        timer.cancel();
    }

    private static ExecutorService jdk21Executor(String factory, Class<?> parameter, Object argument) {
        if (Runtime.version().feature() < 21) return null;
        try {
            return parameter == null ? (ExecutorService) Executors.class.getMethod(factory).invoke(null)
                    : (ExecutorService) Executors.class.getMethod(factory, parameter).invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
