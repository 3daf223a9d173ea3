package io.uts4j.kernel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs tasks inside one {@link UtsNamespace}, on platform threads dedicated to it: each thread
 * enters the namespace once, when it starts, and never leaves it. The caller's thread is never
 * moved. Threads start when needed (up to a maximum), end after an idle keep-alive, and are
 * replaced if a task kills one with an Error. A task submitted from one of this executor's own
 * threads runs inline, so that nested calls cannot deadlock.
 *
 * <p>The executor does not own the namespace: closing it leaves the {@link UtsNamespace} open,
 * and closing the namespace first makes threads that start later fail their task.
 */
public final class NamespaceExecutor implements AutoCloseable {

    private static final ThreadLocal<NamespaceExecutor> CURRENT = new ThreadLocal<>();
    /** Tells one worker to end; close() queues as many as there can be workers. */
    private static final NamespaceTask<Void> STOP = new NamespaceTask<>(() -> null);

    private final UtsNamespace namespace;
    private final ThreadFactory threadFactory;
    private final int maxThreads;
    private final long keepAliveNanos;
    private final LinkedTransferQueue<NamespaceTask<?>> queue = new LinkedTransferQueue<>();
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final LongAdder tasksRun = new LongAdder();
    private final LongAdder threadsStarted = new LongAdder();
    private volatile boolean closed;

    private NamespaceExecutor(Builder builder) {
        this.namespace = builder.namespace;
        this.threadFactory = builder.threadFactory != null
                ? builder.threadFactory : DedicatedThreads.defaultFactory(namespace.inode());
        this.maxThreads = builder.maxThreads;
        this.keepAliveNanos = builder.keepAlive.toNanos();
    }

    /** @return an executor with default settings: daemon threads, up to 4 of them, 60 s keep-alive */
    public static NamespaceExecutor of(UtsNamespace namespace) {
        return builder(namespace).build();
    }

    /** @return a builder for an executor running tasks inside {@code namespace} */
    public static Builder builder(UtsNamespace namespace) {
        return new Builder(namespace);
    }

    /** @return whether the calling thread is a dedicated thread of some executor, i.e. lives in its namespace */
    public static boolean isDedicatedThread() {
        return CURRENT.get() != null;
    }

    /** @return the executor the calling thread is dedicated to, if it is one of those threads */
    public static Optional<NamespaceExecutor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** @return the namespace the tasks run in */
    public UtsNamespace namespace() {
        return namespace;
    }

    /**
     * Runs {@code task} inside the namespace and waits for it.
     *
     * @return what the task returned
     * @throws Exception                  whatever the task threw, unchanged (Errors too)
     * @throws RejectedExecutionException after {@link #close()}
     * @throws IllegalStateException      if a thread was needed and the thread factory could not make one
     * @throws InterruptedException       if interrupted while waiting; the task is cancelled if it had not started
     */
    public <T> T call(Callable<T> task) throws Exception {
        Objects.requireNonNull(task, "task");
        if (CURRENT.get() == this) {
            tasksRun.increment();
            return task.call();
        }
        NamespaceTask<T> handed = new NamespaceTask<>(task);
        enqueue(handed);
        return handed.await();
    }

    /**
     * Runs {@code task} inside the namespace and waits for it; like {@link #call} for code that throws
     * nothing checked. If interrupted while waiting, it re-asserts the interrupt and throws
     * {@link CancellationException}.
     */
    public void run(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            call(() -> {
                task.run();
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a task in " + namespace);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // a Runnable cannot throw one; only for the compiler
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hands {@code task} over to run inside the namespace.
     *
     * @return its outcome; cancelling it before it starts keeps it from running
     * @throws RejectedExecutionException after {@link #close()}
     * @throws IllegalStateException      if a thread was needed and the thread factory could not make one
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        NamespaceTask<T> handed = new NamespaceTask<>(task);
        if (CURRENT.get() == this) {
            tasksRun.increment();
            handed.execute();
            handed.publish();
        } else {
            enqueue(handed);
        }
        return handed.future();
    }

    /*
     * Scheduling. `idle` counts threads free for a task, minus queued tasks already promised to one
     * of them ("claimed"). A task goes to a free thread if one can be claimed, else to a new thread
     * as its first task (so a new thread is never taken by another task first), else waits in the
     * queue for a busy thread. Every way a thread ends re-checks the queue, so no task is stranded.
     */
    private void enqueue(NamespaceTask<?> task) {
        if (closed) {
            throw rejected();
        }
        if (claimIdleThread()) {
            task.claimed = true;
            offer(task);
        } else if (reserveThread()) {
            startThread(task);
        } else {
            offer(task);
            // Every thread may have ended between our look and the offer: then one more is allowed.
            if (reserveThread()) {
                startThread(null);
            }
        }
    }

    private boolean claimIdleThread() {
        int n;
        while ((n = idle.get()) > 0) {
            if (idle.compareAndSet(n, n - 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean reserveThread() {
        int n;
        while ((n = workers.get()) < maxThreads && !closed) {
            if (workers.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void offer(NamespaceTask<?> task) {
        queue.offer(task);
        if (closed && queue.remove(task)) { // close() ran meanwhile; its STOPs may be ahead of this task
            throw rejected();
        }
    }

    /** Starts a reserved thread; if it cannot be made, {@code first} fails (in the caller) instead. */
    private void startThread(NamespaceTask<?> first) {
        try {
            DedicatedThreads.check(threadFactory.newThread(() -> work(first)), threadFactory).start();
            threadsStarted.increment();
        } catch (RuntimeException | Error e) {
            workers.decrementAndGet();
            if (first == null && workers.get() == 0) {
                failQueued(e); // no thread is left to run them
            }
            throw e;
        }
    }

    /** The body of each dedicated thread. */
    private void work(NamespaceTask<?> first) {
        Thread self = Thread.currentThread();
        threads.add(self);
        try {
            try {
                namespace.join();
            } catch (RuntimeException | Error e) {
                failInsteadOfRunning(first, e);
                return;
            }
            CURRENT.set(this);
            NamespaceTask<?> task = first;
            if (task == null) {
                idle.incrementAndGet();
                task = awaitTask();
            }
            while (task != null && runTask(task)) {
                task = awaitTask();
            }
        } finally {
            threads.remove(self);
            workers.decrementAndGet();
            // A task may have been queued while this thread was deciding to end: make sure someone runs it.
            if (!closed && !queue.isEmpty() && reserveThread()) {
                try {
                    startThread(null);
                } catch (RuntimeException | Error ignored) { // startThread failed the queued tasks
                }
            }
        }
    }

    /** @return false if this thread must end: the task threw an Error */
    private boolean runTask(NamespaceTask<?> task) {
        Thread.interrupted(); // one task's interrupt must not reach the next
        tasksRun.increment();
        boolean healthy = task.execute();
        if (healthy) {
            idle.incrementAndGet(); // before the caller sees the result, so that its next task finds this thread
        }
        task.publish();
        return healthy;
    }

    /** @return the next task, or null when this thread should end (idle too long, or closed) */
    private NamespaceTask<?> awaitTask() {
        while (true) {
            NamespaceTask<?> task;
            try {
                task = queue.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue; // a stray interrupt, e.g. left by a task; only STOP or idleness end a thread
            }
            if (task == STOP) {
                return null;
            }
            if (task != null) {
                if (!task.claimed) {
                    idle.decrementAndGet();
                }
                return task;
            }
            if (claimIdleThread()) { // nobody counts on this thread: retire it
                return null;
            }
        }
    }

    /** Never runs a task outside the namespace: fails one instead, so that the error is seen. */
    private void failInsteadOfRunning(NamespaceTask<?> first, Throwable error) {
        NamespaceTask<?> task = first != null ? first : queue.poll();
        if (task == STOP) {
            queue.offer(STOP);
        } else if (task != null) {
            if (task.claimed) {
                idle.incrementAndGet(); // the free thread it was promised to is free again
            }
            task.fail(error);
        }
    }

    private void failQueued(Throwable cause) {
        NamespaceTask<?> task;
        while ((task = queue.poll()) != null) {
            if (task != STOP) {
                task.fail(cause);
            }
        }
    }

    private RejectedExecutionException rejected() {
        return new RejectedExecutionException("the NamespaceExecutor for " + namespace + " is closed");
    }

    /** @return the number of tasks run so far, inline ones included */
    public long tasksRun() {
        return tasksRun.sum();
    }

    /** @return the number of dedicated threads started so far, replacements included */
    public long threadsStarted() {
        return threadsStarted.sum();
    }

    /** @return the number of dedicated threads alive now */
    public int liveThreads() {
        return workers.get();
    }

    /**
     * Accepts no more tasks; tasks already accepted still run, then the threads end. Does not wait
     * and does not close the namespace. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < maxThreads; i++) {
            queue.offer(STOP);
        }
    }

    /**
     * Waits for the threads to end after {@link #close()}.
     *
     * @return whether they all ended within {@code timeout}
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (workers.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            Thread.sleep(1); // a thread counted but not yet registered
        }
        return true;
    }

    @Override
    public String toString() {
        return "NamespaceExecutor[" + namespace + ", threads=" + workers.get() + (closed ? ", closed]" : "]");
    }

    /** Settings for a {@link NamespaceExecutor}. */
    public static final class Builder {
        private final UtsNamespace namespace;
        private ThreadFactory threadFactory;
        private int maxThreads = 4;
        private Duration keepAlive = Duration.ofSeconds(60);

        private Builder(UtsNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /**
         * @param factory makes the dedicated threads; it must make platform threads. Default: daemon
         *                threads named {@code uts4j-ns-<inode>-<n>}
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** @param max the most threads alive at once (at least 1); more tasks wait. Default 4 */
        public Builder maxThreads(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxThreads must be at least 1, not " + max);
            }
            this.maxThreads = max;
            return this;
        }

        /** @param idle how long a thread waits for a task before it ends (positive). Default 60 s */
        public Builder keepAlive(Duration idle) {
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("keepAlive must be positive, not " + idle);
            }
            this.keepAlive = idle;
            return this;
        }

        /** @return a new executor; no thread starts until the first task */
        public NamespaceExecutor build() {
            return new NamespaceExecutor(this);
        }
    }
}
