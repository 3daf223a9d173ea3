package io.uts4j.kernel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs tasks inside one {@link UtsNamespace}, on platform threads dedicated to it: each thread
 * enters the namespace once, when it starts, and never leaves it. The caller's thread is never
 * moved, and a task never runs outside the namespace. Threads start when needed (up to a maximum),
 * end after an idle keep-alive, and are replaced if a task kills one with an Error. A task
 * submitted from one of this executor's own threads runs inline, so that nested calls cannot
 * deadlock.
 *
 * <p>Every task accepted ends, with its result or an exception: if the namespace was closed (or
 * the kernel refuses to let a thread in) and no thread already inside is left to run the waiting
 * tasks, they fail with that reason; if no thread can be started, with an
 * {@link IllegalStateException} saying so. Tasks failed together get the same exception object.
 *
 * <p>The executor does not own the namespace: closing it leaves the {@link UtsNamespace} open.
 */
public final class NamespaceExecutor implements AutoCloseable {

    /** The executor a dedicated thread belongs to; set by {@link NamespaceThreads} on each of its threads. */
    static final ThreadLocal<NamespaceExecutor> CURRENT = new ThreadLocal<>();

    private final UtsNamespace namespace;
    private final NamespaceThreads threads;

    private NamespaceExecutor(Builder builder) {
        this.namespace = builder.namespace;
        ThreadFactory factory = builder.threadFactory != null
                ? builder.threadFactory : DedicatedThreads.defaultFactory(namespace.inode());
        this.threads = new NamespaceThreads(this, namespace, factory, builder.maxThreads, builder.keepAlive);
    }

    /** @return an executor with default settings: daemon threads, up to 4 of them, 60 s keep-alive */
    static NamespaceExecutor of(UtsNamespace namespace) {
        return builder(namespace).build();
    }

    /** @return a builder for an executor running tasks inside {@code namespace} */
    public static Builder builder(UtsNamespace namespace) {
        return new Builder(namespace);
    }

    /** @return the executor the calling thread is dedicated to, if it is one of those threads */
    static Optional<NamespaceExecutor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Runs {@code task} inside the namespace and waits for it.
     *
     * @return what the task returned
     * @throws Exception                  whatever the task threw, unchanged (Errors too)
     * @throws RejectedExecutionException after {@link #close()}
     * @throws IllegalStateException      if the namespace is closed, or no thread could be started, and
     *                                    no thread already inside was left to run the task
     * @throws NamespaceException         if the kernel did not let a thread into the namespace, with the
     *                                    same proviso
     * @throws InterruptedException       if interrupted while waiting; the task is cancelled if it had not
     *                                    started, else it runs to its end and its result is dropped
     */
    public <T> T call(Callable<T> task) throws Exception {
        Objects.requireNonNull(task, "task");
        if (CURRENT.get() == this) {
            threads.tasksRun.increment();
            return task.call();
        }
        NamespaceTask<T> handed = new NamespaceTask<>(task);
        threads.enqueue(handed);
        return handed.await();
    }

    /**
     * Runs {@code task} inside the namespace and waits for it at most {@code timeout}, ignoring
     * interrupts: for work whose result must not be lost, like starting a process (the JDK's own
     * {@code ProcessBuilder.start} is not interruptible either).
     *
     * <ul>
     *   <li>An interrupt of the caller, before or during the call, does not end the wait; the
     *       interrupt flag is set when the call returns or throws.</li>
     *   <li>If the task has not started when the time is up, it is cancelled and never runs.</li>
     *   <li>If it is running when the time is up, the caller gets a {@link TimeoutException} and the
     *       task's eventual result, if not null, is handed to {@code ifAbandoned} on the thread that
     *       ran it (pass {@code Process::destroyForcibly} so that no child process is orphaned). An
     *       exception {@code ifAbandoned} throws goes to that thread's uncaught-exception handler.</li>
     *   <li>Called from one of this executor's own threads, the task runs inline, without a limit.</li>
     * </ul>
     *
     * @param timeout the longest the caller waits, hand-off included; zero or negative: no wait at all
     * @return what the task returned
     * @throws TimeoutException           if the task did not end within {@code timeout}
     * @throws Exception                  otherwise as {@link #call}, but never InterruptedException
     */
    public <T> T callUninterruptibly(Callable<T> task, Duration timeout, Consumer<? super T> ifAbandoned)
            throws Exception {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(ifAbandoned, "ifAbandoned");
        long deadline = System.nanoTime() + Math.max(0, saturatedNanos(timeout));
        if (CURRENT.get() == this) {
            threads.tasksRun.increment();
            return task.call();
        }
        NamespaceTask<T> handed = new NamespaceTask<>(task);
        threads.enqueue(handed);
        return handed.awaitUninterruptibly(deadline, ifAbandoned, "a task in " + namespace);
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 2; // far enough that now + it does not overflow
        }
    }

    /**
     * Hands {@code task} over to run inside the namespace, for tests that need several tasks in flight.
     *
     * @return its outcome
     */
    <T> CompletableFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        NamespaceTask<T> handed = new NamespaceTask<>(task);
        if (CURRENT.get() == this) {
            threads.tasksRun.increment();
            handed.execute();
            handed.publish();
        } else {
            threads.enqueue(handed);
        }
        return handed.future();
    }

    /** @return the number of tasks run so far, inline ones included */
    long tasksRun() {
        return threads.tasksRun.sum();
    }

    /** @return the number of dedicated threads started so far, replacements included */
    long threadsStarted() {
        return threads.threadsStarted.sum();
    }

    /** @return the number of dedicated threads started and not yet ended */
    int liveThreads() {
        return threads.live();
    }

    /**
     * Accepts no more tasks; tasks already accepted still run, then the threads end. Does not wait
     * and does not close the namespace. Idempotent.
     */
    @Override
    public void close() {
        threads.close();
    }

    /**
     * Waits until every thread has finished its last task, after {@link #close()}.
     *
     * @return whether they all did within {@code timeout}
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        return threads.awaitTermination(timeout);
    }

    @Override
    public String toString() {
        return "NamespaceExecutor[" + namespace + ", threads=" + threads.live() + (threads.isClosed() ? ", closed]" : "]");
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
