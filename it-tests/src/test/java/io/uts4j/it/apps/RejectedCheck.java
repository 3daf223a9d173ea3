package io.uts4j.it.apps;

import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A rejected hand-off leaves nothing behind: the rejected object, handed over again later by the
 * host, runs as the host; an earlier accepted submission of it still runs as its own submitter.
 * Prints {@code @rejected.<case>\tthrew=..\truns=..}, the runs' identities in order.
 */
public final class RejectedCheck {
    private static final long T = SharedPools.TIMEOUT_SECONDS;

    public static void main(String[] args) throws Exception {
        Host.control();
        // One worker, a queue of one, AbortPolicy.
        ThreadPoolExecutor bounded = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
                RejectedCheck::daemon);

        // alpha's submission is queued; beta's of the same object is rejected; then the host's runs.
        Gate gate = new Gate();
        bounded.execute(gate::hold);
        gate.awaitHeld();
        Recorder shared = new Recorder();
        Report.onThread("alpha-1", () -> bounded.execute(shared));
        String threw = rejectedOn("beta-1", () -> bounded.execute(shared));
        Recorder fresh = new Recorder();
        threw += "," + rejectedOn("beta-1", () -> bounded.execute(fresh));
        threw += "," + rejectedOn("beta-1", () -> bounded.submit(Seen::now));
        gate.open();
        shared.await(1);
        bounded.execute(shared);
        shared.await(2);
        bounded.execute(fresh);
        Report.print("rejected.queueFull", Map.of("threw", threw, "runs", shared.await(2) + "/" + fresh.await(1)));

        // A pool that was shut down rejects; the host hands the same object to another pool.
        ExecutorService closed = Executors.newFixedThreadPool(1);
        closed.shutdown();
        Recorder afterShutdown = new Recorder();
        threw = rejectedOn("alpha-1", () -> closed.execute(afterShutdown));
        bounded.execute(afterShutdown);
        Report.print("rejected.shutDown", Map.of("threw", threw, "runs", afterShutdown.await(1)));

        // CallerRunsPolicy: the rejected task runs at once on its submitter's own thread.
        ThreadPoolExecutor callerRuns = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                RejectedCheck::daemon, new ThreadPoolExecutor.CallerRunsPolicy());
        Gate held = new Gate();
        callerRuns.execute(held::hold);
        held.awaitHeld();
        Recorder ranByCaller = new Recorder();
        Report.onThread("alpha-1", () -> callerRuns.execute(ranByCaller));
        held.open();
        awaitIdle(callerRuns);
        callerRuns.execute(ranByCaller);
        Report.print("rejected.callerRuns", Map.of("threw", "none", "runs", ranByCaller.await(2)));

        // A TimerTask already scheduled by alpha: another's attempt to schedule it again throws, and
        // every later run of it is still alpha's.
        Timer timer = new Timer("host-timer", true);
        Recorder periodic = new Recorder();
        CompletableFuture<Void> threeRuns = new CompletableFuture<>();
        int[] count = new int[1];
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
                periodic.run();
                if (++count[0] == 3) threeRuns.complete(null);
            }
        };
        Report.onThread("alpha-1", () -> timer.scheduleAtFixedRate(task, 0, 3));
        threeRuns.get(T, TimeUnit.SECONDS);
        threw = rejectedOn("beta-1", () -> timer.schedule(task, 1));
        threw += "," + rejectedOn("plain-1", () -> timer.schedule(task, 1));
        int afterAttempts = periodic.count() + 3;
        Report.print("rejected.timerTaskScheduledTwice", Map.of("threw", threw, "runs", periodic.await(afterAttempts)));
        task.cancel();

        // A timer that was cancelled: the task, never scheduled, goes to another timer, by the host.
        Timer cancelled = new Timer("cancelled-timer", true);
        cancelled.cancel();
        Recorder once = new Recorder();
        TimerTask onceTask = new TimerTask() {
            @Override
            public void run() {
                once.run();
            }
        };
        threw = rejectedOn("alpha-1", () -> cancelled.schedule(onceTask, 1));
        timer.schedule(onceTask, 1);
        Report.print("rejected.timerCancelled", Map.of("threw", threw, "runs", once.await(1)));

        // No task at all: the JDK's own exception, as without uts4j.
        threw = rejectedOn("alpha-1", () -> bounded.execute(null));
        threw += "," + rejectedOn("alpha-1", () -> timer.schedule(null, 1));
        Report.print("rejected.null", Map.of("threw", threw));

        timer.cancel();
        for (ExecutorService e : List.of(bounded, callerRuns)) e.shutdown();
    }

    /** Runs a hand-off on a thread of that name; it must be refused. Returns the exception's simple name. */
    private static String rejectedOn(String thread, Runnable handOff) throws InterruptedException {
        String[] threw = {"nothing"};
        Report.onThread(thread, () -> {
            try {
                handOff.run();
            } catch (RejectedExecutionException | IllegalStateException | NullPointerException e) {
                threw[0] = e.getClass().getSimpleName();
            }
        });
        return threw[0];
    }

    /** Workers that never keep the JVM alive, should a check fail half-way. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    /** Waits until the pool's only worker has finished what it was given (bounded). */
    private static void awaitIdle(ThreadPoolExecutor pool) throws Exception {
        pool.submit(() -> { }).get(T, TimeUnit.SECONDS);
    }
}
