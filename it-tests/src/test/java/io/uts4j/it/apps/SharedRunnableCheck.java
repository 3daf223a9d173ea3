package io.uts4j.it.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The same Runnable object handed to {@code ThreadPoolExecutor.execute} by several submitters: each
 * submission runs as its own submitter. Prints {@code @sameRunnable.<case>\tsubmitters=..\truns=..}
 * (the runs' identities in the order they ran), and for many submissions at once on four workers
 * {@code @sameRunnable.concurrent\tcounts=..}.
 */
public final class SharedRunnableCheck {
    public static void main(String[] args) throws Exception {
        Host.control();
        ExecutorService one = Executors.newFixedThreadPool(1);
        inOrder(one, "twoTenants", "alpha-1", "beta-1");
        inOrder(one, "hostFirst", "plain-1", "alpha-1", "beta-1");
        inOrder(one, "hostBetween", "alpha-1", "plain-1", "beta-1");
        inOrder(one, "tenantTwice", "beta-1", "alpha-1", "beta-2");
        one.shutdown();

        ExecutorService four = Executors.newFixedThreadPool(4);
        int each = 300;
        String[] submitters = {"alpha-1", "beta-1", "plain-1"};
        Recorder shared = new Recorder();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String s : submitters) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) four.execute(shared);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, s));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(SharedPools.TIMEOUT_SECONDS));
        Report.print("sameRunnable.concurrent", Map.of("each", String.valueOf(each), "counts", shared.counts(each * submitters.length)));
        four.shutdown();
    }

    /** The submitters hand the same object over in turn while the only worker is held; then it runs them. */
    private static void inOrder(ExecutorService one, String name, String... submitters) throws Exception {
        Gate gate = new Gate();
        one.execute(gate::hold);
        gate.awaitHeld();
        Recorder shared = new Recorder();
        for (String s : submitters) Report.onThread(s, () -> one.execute(shared));
        gate.open();
        Report.print("sameRunnable." + name, Map.of("submitters", String.join(",", submitters), "runs", shared.await(submitters.length)));
    }
}
