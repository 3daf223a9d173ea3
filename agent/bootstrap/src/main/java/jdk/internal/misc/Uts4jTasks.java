package jdk.internal.misc;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;

/**
 * Identity that follows the work: what the submitting thread was bound to is captured when a task
 * is handed to another thread, and restored around the task's run there, after which the worker
 * is what it was before — also when the task throws.
 *
 * <p>Where the JDK makes an object per submission (the task an executor's {@code submit} or a
 * scheduler's {@code schedule} wraps in a {@code FutureTask}, every {@code ForkJoinTask} — which is
 * what {@code CompletableFuture}'s stages, parallel streams and a {@code ForkJoinPool}'s adapters
 * are), the capture belongs to that object. A plain
 * {@code Runnable} given to {@code ThreadPoolExecutor.execute} may be submitted again by someone
 * else, so its captures are kept in submission order and each run takes the oldest. A thread that
 * is plainly the host's captures nothing (and allocates nothing): its tasks run as the worker is.
 */
public final class Uts4jTasks {
    static volatile boolean enabled;
    /** Captures by task object: a {@link Uts4jTenant}, {@link Uts4jBinding.Frame#HOST}, or a {@link Queue} of them. */
    private static final Uts4jWeakIdentityMap<Object> CAPTURED = new Uts4jWeakIdentityMap<>();
    private static final long TIMER_TASK_STATE = timerTaskState();

    private Uts4jTasks() {}

    /** What a hand-off from the calling thread carries, or null for "plainly the host": nothing. */
    private static Object capture() {
        return enabled ? captureNow() : null;
    }

    /** As {@link #capture}, whether or not the JDK's hand-offs propagate: the API's propagate always does. */
    private static Object captureNow() {
        Uts4jTenants tt = Uts4jDispatcher.table;
        if (tt.isEmpty()) return null;
        Uts4jBinding b = Uts4jBinding.LOCAL.get();
        if (b == null && !tt.hasRules) return null;
        if (b == null) b = Uts4jBinding.ofCurrentThread();
        return b.snapshot(tt);
    }

    /** Opens a frame of a capture on the calling thread; null (nothing to do) for none. */
    private static Uts4jBinding.Frame enterCaptured(Object captured) {
        if (captured == null) return null;
        return Uts4jBinding.open(captured == Uts4jBinding.Frame.HOST ? null : (Uts4jTenant) captured);
    }

    private static void exit(Uts4jBinding.Frame f) {
        if (f != null) f.close();
    }

    // ---- where the JDK makes an object per submission ----

    /** {@code AbstractExecutorService.newTaskFor} and the scheduling of a Callable: it runs as the submitter. */
    public static Callable<?> wrapCallable(Callable<?> callable) {
        try {
            Object c = capture();
            return c == null || callable == null ? callable : new Captured<>(callable, c);
        } catch (Throwable e) {
            return callable;
        }
    }

    /** As {@link #wrapCallable}, for {@code newTaskFor(Runnable, T)} and the scheduling of a Runnable. */
    public static Runnable wrapRunnable(Runnable runnable) {
        try {
            Object c = capture();
            return c == null || runnable == null ? runnable : new CapturedRunnable(runnable, c);
        } catch (Throwable e) {
            return runnable;
        }
    }

    /** {@code ForkJoinTask}'s constructor: the task runs as the thread that made it. */
    public static void captureNew(Object task) {
        try {
            Object c = capture();
            if (c != null) CAPTURED.put(task, c);
        } catch (Throwable e) {
            // the task runs as the worker is, as without the agent
        }
    }

    /** Around {@code ForkJoinTask.exec()} and {@code CompletableFuture}'s completions firing. */
    public static Object enter(Object task) {
        try {
            if (CAPTURED.isEmpty()) return null;
            return enterCaptured(CAPTURED.get(task));
        } catch (Throwable e) {
            return null;
        }
    }

    public static void exit(Object frame) {
        try {
            exit((Uts4jBinding.Frame) frame);
        } catch (Throwable e) {
            // a frame closed by another thread: nothing else to do
        }
    }

    // ---- ThreadPoolExecutor.execute(Runnable): one submission may share its object with another ----

    /** Captures in submission order. A ForkJoinTask carries its own capture already. */
    public static void captureSubmitted(Runnable command) {
        try {
            if (command == null || command instanceof ForkJoinTask) return; // null: execute throws, as it would
            Object c = capture();
            if (c == null) return;
            while (true) {
                Object now = CAPTURED.get(command);
                if (now == null) {
                    if (CAPTURED.putIfAbsent(command, c) == null) return;
                } else if (CAPTURED.replace(command, now, Queue.append(now, c))) {
                    return;
                }
            }
        } catch (Throwable e) {
            // the task runs as the worker is, as without the agent
        }
    }

    /** {@code ThreadPoolExecutor.reject}: a rejected submission leaves nothing behind. */
    public static void forgetRejected(Runnable command) {
        try {
            takeOldest(command, true);
        } catch (Throwable e) {
            // nothing to forget
        }
    }

    /** The worker's {@code task.run()} in {@code ThreadPoolExecutor.runWorker}: the oldest capture. */
    public static void runPooled(Runnable task) {
        Uts4jBinding.Frame f = null;
        try {
            if (!CAPTURED.isEmpty() && !(task instanceof ForkJoinTask)) {
                f = enterCaptured(takeOldest(task, false));
            } else if (task instanceof ForkJoinTask) {
                f = (Uts4jBinding.Frame) enter(task);
            }
        } catch (Throwable e) {
            f = null;
        }
        try {
            task.run();
        } finally {
            exit(f);
        }
    }

    private static Object takeOldest(Object task, boolean newest) {
        while (true) {
            Object now = CAPTURED.get(task);
            if (now == null) return null;
            Object rest = now instanceof Queue ? (newest ? ((Queue) now).withoutLast() : ((Queue) now).rest) : null;
            Object taken = now instanceof Queue ? (newest ? ((Queue) now).last() : ((Queue) now).head) : now;
            boolean done = rest == null ? CAPTURED.remove(task, now) : CAPTURED.replace(task, now, rest);
            if (done) return taken;
        }
    }

    // ---- java.util.Timer ----

    /** {@code Timer.sched}: a TimerTask is scheduled once, and every run of it is its scheduler's. */
    public static void captureScheduled(Object timerTask) {
        try {
            // Called before sched's checks: an attempt to schedule a task again, which sched refuses,
            // must not take over the capture of the one scheduling that counts.
            if (timerTask == null || !isUnscheduled(timerTask)) return; // sched throws as it would without uts4j
            Object c = capture();
            if (c != null) {
                CAPTURED.put(timerTask, c);
            } else {
                CAPTURED.remove(timerTask);
            }
        } catch (Throwable e) {
            // the task runs as the timer's thread is, as without the agent
        }
    }

    /** Whether a TimerTask was never scheduled (nor cancelled): only such a task may be scheduled. */
    private static boolean isUnscheduled(Object timerTask) {
        return TIMER_TASK_STATE < 0 || !(timerTask instanceof java.util.TimerTask)
                || Unsafe.getUnsafe().getIntVolatile(timerTask, TIMER_TASK_STATE) == 0; // VIRGIN
    }

    /** Where {@code TimerTask.state} is (package-private in java.util); -1, capturing as before, if it is not there. */
    private static long timerTaskState() {
        try {
            return Unsafe.getUnsafe().objectFieldOffset(java.util.TimerTask.class, "state");
        } catch (Throwable e) {
            return -1;
        }
    }

    /** The timer thread's {@code task.run()}. */
    public static void runScheduled(Runnable timerTask) {
        Uts4jBinding.Frame f = (Uts4jBinding.Frame) enter(timerTask);
        try {
            timerTask.run();
        } finally {
            exit(f);
        }
    }

    // ---- the API's propagate ----

    /** A task that runs as the calling thread is now (its tenant, or the host), wherever it runs. */
    static Object propagating(Object task) {
        Object c = captureNow();
        if (c == null) c = Uts4jBinding.Frame.HOST;
        if (task instanceof Callable) return new Captured<>((Callable<?>) task, c);
        return new CapturedRunnable((Runnable) task, c);
    }

    /** A callable that runs as its capture. */
    static final class Captured<V> implements Callable<V> {
        private final Callable<V> task;
        private final Object captured;

        Captured(Callable<V> task, Object captured) {
            this.task = task;
            this.captured = captured;
        }

        @Override
        public V call() throws Exception {
            Uts4jBinding.Frame f = enterCaptured(captured);
            try {
                return task.call();
            } finally {
                exit(f);
            }
        }

        @Override
        public String toString() {
            return task.toString(); // FutureTask.toString shows its callable: show the caller's own
        }
    }

    /** A runnable that runs as its capture. */
    static final class CapturedRunnable implements Runnable {
        private final Runnable task;
        private final Object captured;

        CapturedRunnable(Runnable task, Object captured) {
            this.task = task;
            this.captured = captured;
        }

        @Override
        public void run() {
            Uts4jBinding.Frame f = enterCaptured(captured);
            try {
                task.run();
            } finally {
                exit(f);
            }
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    /** Captures of one object submitted more than once, oldest first. Immutable. */
    static final class Queue {
        final Object head;
        final Object rest; // a capture, another Queue, or null

        private Queue(Object head, Object rest) {
            this.head = head;
            this.rest = rest;
        }

        static Queue append(Object existing, Object c) {
            if (existing instanceof Queue) {
                Queue q = (Queue) existing;
                return new Queue(q.head, q.rest == null ? c : append(q.rest, c));
            }
            return new Queue(existing, c);
        }

        Object last() {
            return rest instanceof Queue ? ((Queue) rest).last() : rest;
        }

        Object withoutLast() {
            if (!(rest instanceof Queue)) return head;
            return new Queue(head, ((Queue) rest).withoutLast());
        }
    }
}
