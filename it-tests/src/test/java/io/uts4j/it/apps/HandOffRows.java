package io.uts4j.it.apps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Every way the JDK hands a task to another thread, one row each, as issue 8's table names them.
 * Each row, run on the submitting thread, hands tasks over to the shared pools and returns what
 * each task saw and where it ran. Every wait has a timeout; a timed {@code get} also keeps an
 * external caller from running a fork/join task itself.
 */
public final class HandOffRows {
    /** How a row's tasks run, and so what they must see. */
    public enum Kind {
        /** On a worker of a pool the host made. */
        POOLED,
        /** Split into subtasks, some of which the calling thread runs itself. */
        SPLIT,
        /** On a thread made for the task, which inherits its maker's identity. */
        NEW_THREAD,
        /** On a thread that a task made on a pool's worker, which inherits what that task runs as. */
        NEW_THREAD_IN_TASK,
        /** On the host's thread that completed the stage before. */
        HOST_COMPLETED
    }

    public interface Action {
        List<Seen> run() throws Exception;
    }

    public record Row(String name, Kind kind, Action action) {}

    private static final long T = SharedPools.TIMEOUT_SECONDS;
    /** A task's own work: long enough that a pool's other workers wake up and take part. */
    private static final long WORK_MILLIS = 2;

    private HandOffRows() {}

    public static List<Row> all(SharedPools p) {
        List<Row> rows = new ArrayList<>();
        executorService(rows, "fixed", p.fixed);
        executorService(rows, "cached", p.cached);
        rows.add(new Row("lambdaFactory.submitCallable", Kind.POOLED,
                () -> List.of(p.lambdaFactory.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        scheduled(rows, p);
        completableFuture(rows, p);
        forkJoin(rows, "forkJoin", p.forkJoin);
        forkJoin(rows, "common", ForkJoinPool.commonPool());
        rows.add(new Row("parallelStream.common", Kind.SPLIT, () -> parallelStream(256)));
        rows.add(new Row("parallelStream.forkJoin", Kind.POOLED,
                () -> p.forkJoin.submit(() -> parallelStream(256)).get(T, TimeUnit.SECONDS)));
        timer(rows, p);
        rows.add(new Row("newThread", Kind.NEW_THREAD, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            new Thread(() -> out.complete(work())).start(); // a thread per task, as a simple executor does
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row("newThread.inPooledTask", Kind.NEW_THREAD_IN_TASK,
                () -> List.of(p.fixed.submit(HandOffRows::onNewThread).get(T, TimeUnit.SECONDS))));
        rows.add(new Row("newThread.inForkJoinTask", Kind.NEW_THREAD_IN_TASK,
                () -> List.of(CompletableFuture.supplyAsync(HandOffRows::onNewThread).get(T, TimeUnit.SECONDS))));
        if (p.threadPerTask != null) {
            rows.add(new Row("threadPerTask", Kind.NEW_THREAD,
                    () -> List.of(p.threadPerTask.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
            rows.add(new Row("virtualThreads", Kind.NEW_THREAD,
                    () -> List.of(p.virtualThreads.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        }
        return rows;
    }

    private static void executorService(List<Row> rows, String pool, ExecutorService e) {
        rows.add(new Row(pool + ".submitCallable", Kind.POOLED,
                () -> List.of(e.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        rows.add(new Row(pool + ".submitRunnable", Kind.POOLED, () -> {
            AtomicReference<Seen> seen = new AtomicReference<>();
            e.submit(() -> seen.set(work())).get(T, TimeUnit.SECONDS);
            return List.of(seen.get());
        }));
        rows.add(new Row(pool + ".execute", Kind.POOLED, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            e.execute(() -> out.complete(work()));
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row(pool + ".invokeAll", Kind.POOLED, () -> {
            List<Seen> all = new ArrayList<>();
            for (Future<Seen> f : e.invokeAll(tasks(8), T, TimeUnit.SECONDS)) all.add(f.get(T, TimeUnit.SECONDS));
            return all;
        }));
        rows.add(new Row(pool + ".invokeAny", Kind.POOLED, () -> List.of(e.invokeAny(tasks(3), T, TimeUnit.SECONDS))));
    }

    private static void scheduled(List<Row> rows, SharedPools p) {
        rows.add(new Row("scheduled.schedule", Kind.POOLED,
                () -> List.of(p.scheduled.schedule(HandOffRows::work, 1, TimeUnit.MILLISECONDS).get(T, TimeUnit.SECONDS))));
        rows.add(new Row("scheduled.scheduleRunnable", Kind.POOLED, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            p.scheduled.schedule(() -> out.complete(work()), 1, TimeUnit.MILLISECONDS);
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row("scheduled.execute", Kind.POOLED, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            p.scheduled.execute(() -> out.complete(work()));
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row("scheduled.submit", Kind.POOLED,
                () -> List.of(p.scheduled.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        rows.add(new Row("scheduled.atFixedRate", Kind.POOLED, () -> periodic(runs -> p.scheduled.scheduleAtFixedRate(
                runs, 0, 3, TimeUnit.MILLISECONDS))));
        rows.add(new Row("scheduled.withFixedDelay", Kind.POOLED, () -> periodic(runs -> p.scheduled.scheduleWithFixedDelay(
                runs, 0, 3, TimeUnit.MILLISECONDS))));
    }

    /** Five runs of a periodic task; every one of them must be its submitter's. */
    private static List<Seen> periodic(Function<Runnable, ScheduledFuture<?>> schedule) throws Exception {
        Runs runs = new Runs(5);
        ScheduledFuture<?> f = schedule.apply(runs::add);
        try {
            return runs.done.get(T, TimeUnit.SECONDS);
        } finally {
            f.cancel(false);
        }
    }

    private static void completableFuture(List<Row> rows, SharedPools p) {
        rows.add(new Row("completableFuture.supplyAsync.fixed", Kind.POOLED,
                () -> List.of(CompletableFuture.supplyAsync(HandOffRows::work, p.fixed).get(T, TimeUnit.SECONDS))));
        rows.add(new Row("completableFuture.supplyAsync.default", Kind.POOLED,
                () -> List.of(CompletableFuture.supplyAsync(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        rows.add(new Row("completableFuture.thenApplyAsync.fixed", Kind.POOLED,
                () -> CompletableFuture.supplyAsync(() -> List.of(work()), p.fixed)
                        .thenApplyAsync(HandOffRows::plusWork, p.fixed)
                        .thenApplyAsync(HandOffRows::plusWork, p.fixed).get(T, TimeUnit.SECONDS)));
        rows.add(new Row("completableFuture.thenApplyAsync.default", Kind.POOLED,
                () -> CompletableFuture.supplyAsync(() -> List.of(work()))
                        .thenApplyAsync(HandOffRows::plusWork)
                        .thenApplyAsync(HandOffRows::plusWork).get(T, TimeUnit.SECONDS)));
        // A plain (not async) stage registered by the submitter runs on whichever thread completes
        // the stage before it: here the host's.
        rows.add(new Row("completableFuture.thenApply.completedByHost", Kind.HOST_COMPLETED, () -> {
            CompletableFuture<String> previous = new CompletableFuture<>();
            CompletableFuture<Seen> stage = previous.thenApply(x -> Seen.now());
            p.completer.run(() -> previous.complete("done"));
            return List.of(stage.get(T, TimeUnit.SECONDS));
        }));
    }

    private static void forkJoin(List<Row> rows, String pool, ForkJoinPool fj) {
        rows.add(new Row(pool + ".execute", Kind.POOLED, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            fj.execute(() -> out.complete(work()));
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row(pool + ".submitCallable", Kind.POOLED,
                () -> List.of(fj.submit(HandOffRows::work).get(T, TimeUnit.SECONDS))));
        rows.add(new Row(pool + ".submitRunnable", Kind.POOLED, () -> {
            AtomicReference<Seen> seen = new AtomicReference<>();
            fj.submit(() -> seen.set(work())).get(T, TimeUnit.SECONDS);
            return List.of(seen.get());
        }));
        // invoke: the caller joins, and may run some of the leaves itself.
        rows.add(new Row(pool + ".invoke", Kind.SPLIT, () -> fj.invoke(new Leaves(16))));
        // fork from inside a task: every leaf, forked by a worker, is the submitter's. (On JDK 25,
        // an external thread waiting for a common pool's task helps run it, even in a timed get.)
        Kind forked = fj == ForkJoinPool.commonPool() ? Kind.SPLIT : Kind.POOLED;
        rows.add(new Row(pool + ".fork", forked, () -> fj.submit(new Leaves(16)).get(T, TimeUnit.SECONDS)));
    }

    private static void timer(List<Row> rows, SharedPools p) {
        rows.add(new Row("timer.schedule", Kind.POOLED, () -> {
            CompletableFuture<Seen> out = new CompletableFuture<>();
            p.timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    out.complete(work());
                }
            }, 1);
            return List.of(out.get(T, TimeUnit.SECONDS));
        }));
        rows.add(new Row("timer.scheduleAtFixedRate", Kind.POOLED, () -> {
            Runs runs = new Runs(5);
            TimerTask task = new TimerTask() {
                @Override
                public void run() {
                    runs.add();
                }
            };
            p.timer.scheduleAtFixedRate(task, 0, 3);
            try {
                return runs.done.get(T, TimeUnit.SECONDS);
            } finally {
                task.cancel();
            }
        }));
    }

    /** A recursive task: splits in halves down to single leaves, forking one half each time. */
    static final class Leaves extends RecursiveTask<List<Seen>> {
        private final int n;

        Leaves(int n) {
            this.n = n;
        }

        @Override
        protected List<Seen> compute() {
            if (n == 1) return List.of(work());
            Leaves right = new Leaves(n / 2);
            right.fork();
            List<Seen> all = new ArrayList<>(new Leaves(n - n / 2).compute());
            all.addAll(right.join());
            return all;
        }
    }

    /** Collects the runs of a periodic task until it has enough. */
    private static final class Runs {
        final CompletableFuture<List<Seen>> done = new CompletableFuture<>();
        private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        private final int wanted;

        Runs(int wanted) {
            this.wanted = wanted;
        }

        void add() {
            seen.add(Seen.now());
            if (seen.size() >= wanted) {
                synchronized (seen) {
                    done.complete(new ArrayList<>(seen));
                }
            }
        }
    }

    static List<Seen> parallelStream(int elements) {
        return IntStream.range(0, elements).parallel().mapToObj(i -> Seen.afterWorking(1)).collect(Collectors.toList());
    }

    /** Work done on a thread made for it, which the caller waits for. */
    private static Seen onNewThread() {
        CompletableFuture<Seen> out = new CompletableFuture<>();
        new Thread(() -> out.complete(work())).start();
        try {
            return out.get(T, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Seen work() {
        return Seen.afterWorking(WORK_MILLIS);
    }

    private static List<Seen> plusWork(List<Seen> before) {
        List<Seen> all = new ArrayList<>(before);
        all.add(work());
        return all;
    }

    private static List<Callable<Seen>> tasks(int n) {
        List<Callable<Seen>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) tasks.add(HandOffRows::work);
        return tasks;
    }
}
