package io.uts4j.kernel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The platform threads a {@link NamespaceExecutor} dedicates to one namespace, and the queue of
 * tasks they take: when threads start, end and are replaced, and what happens to waiting tasks
 * when no thread can run them.
 *
 * <p>Scheduling, under {@code lock}: {@code threads} counts threads started and not yet ended;
 * {@code free} those of them not running a task (waiting, or about to look at the queue). A task
 * goes to a free thread if there is one beyond the tasks already queued for them, else to a new
 * thread, else waits for a busy one. Invariant: while the queue holds a task, {@code threads > 0}.
 * Every way a thread ends re-checks the queue, and fails what nobody is left to run.
 */
final class NamespaceThreads {

    private final NamespaceExecutor owner;
    private final UtsNamespace namespace;
    private final ThreadFactory threadFactory;
    private final int maxThreads;
    private final long keepAliveNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition taskQueued = lock.newCondition();
    private final Condition allEnded = lock.newCondition();
    private final ArrayDeque<NamespaceTask<?>> queue = new ArrayDeque<>();
    private int threads;
    private boolean closed;
    /** Incremented without the lock, so that a worker counts itself free before its caller sees the result. */
    private final AtomicInteger free = new AtomicInteger();

    final LongAdder tasksRun = new LongAdder();
    final LongAdder threadsStarted = new LongAdder();

    NamespaceThreads(NamespaceExecutor owner, UtsNamespace namespace, ThreadFactory threadFactory, int maxThreads,
                     Duration keepAlive) {
        this.owner = owner;
        this.namespace = namespace;
        this.threadFactory = threadFactory;
        this.maxThreads = maxThreads;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    /**
     * Queues {@code task} for a thread, starting one if needed.
     *
     * @throws RejectedExecutionException after {@link #close()}
     * @throws IllegalStateException      if a thread was needed for it and none could be started
     */
    void enqueue(NamespaceTask<?> task) {
        boolean start = false;
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("the NamespaceExecutor for " + namespace + " is closed");
            }
            queue.add(task);
            if (free.get() >= queue.size()) {
                taskQueued.signal(); // a free thread is left over for this task
            } else if (threads < maxThreads) {
                threads++;
                start = true;
            } // else a busy thread takes it when done
        } finally {
            lock.unlock();
        }
        if (start) {
            startThread(task);
        }
    }

    /**
     * Starts a counted thread. If it cannot be made, {@code mine} (the task it was started for, or
     * null) fails in the caller; the other queued tasks fail too if no thread is left to run them.
     */
    private void startThread(NamespaceTask<?> mine) {
        boolean counted = false;
        try {
            Thread t = DedicatedThreads.check(threadFactory.newThread(this::work), threadFactory);
            threadsStarted.increment(); // before it runs: whoever sees its work done sees it counted
            counted = true;
            t.start();
            return;
        } catch (RuntimeException | Error e) {
            if (counted) threadsStarted.decrement();
            IllegalStateException failure = e instanceof IllegalStateException ? (IllegalStateException) e
                    : new IllegalStateException("no thread could be started for " + namespace + ": " + e, e);
            boolean taken;
            List<NamespaceTask<?>> stranded;
            lock.lock();
            try {
                taken = mine == null || !queue.remove(mine);
                stranded = threadEnded();
            } finally {
                lock.unlock();
            }
            failAll(stranded, failure);
            if (!taken) {
                throw failure;
            }
        }
    }

    /** The body of each dedicated thread. */
    private void work() {
        try {
            namespace.join();
        } catch (Throwable e) { // a closed handle, or the kernel refused: never run a task outside
            List<NamespaceTask<?>> stranded;
            lock.lock();
            try {
                stranded = threadEnded();
            } finally {
                lock.unlock();
            }
            failAll(stranded, e);
            return;
        }
        NamespaceExecutor.CURRENT.set(owner);
        free.incrementAndGet();
        boolean countedFree = true;
        boolean countedOut = false;
        try {
            while (true) {
                NamespaceTask<?> task = nextTask();
                countedFree = false;
                if (task == null) {
                    countedOut = true;
                    return;
                }
                Thread.interrupted(); // one task's interrupt must not reach the next
                NamespaceTask.Run run = task.execute();
                if (run != NamespaceTask.Run.SKIPPED) {
                    tasksRun.increment();
                }
                if (run == NamespaceTask.Run.RAN_INTO_ERROR) {
                    task.publish();
                    return;
                }
                free.incrementAndGet(); // before the caller sees the result, so that its next task finds this thread
                countedFree = true;
                task.publish();
            }
        } finally {
            if (!countedOut) { // a task killed this thread, or something failed around one
                if (countedFree) {
                    free.decrementAndGet();
                }
                replaceAfterDeath();
            }
        }
    }

    /**
     * @return the next task, or null when this thread ends (idle for the keep-alive, or closed with
     *         nothing left to run), in which case it has been counted out
     */
    private NamespaceTask<?> nextTask() {
        long nanos = keepAliveNanos;
        lock.lock();
        try {
            while (true) {
                NamespaceTask<?> task = queue.poll();
                if (task != null) {
                    free.decrementAndGet();
                    return task;
                }
                if (closed || nanos <= 0) {
                    free.decrementAndGet();
                    threadEnded();
                    return null;
                }
                try {
                    nanos = taskQueued.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    // a stray interrupt, e.g. left by a task; only closing or idleness end a thread
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Counts out a thread that died; starts another if tasks wait, even after close(): accepted tasks still run. */
    private void replaceAfterDeath() {
        boolean start;
        lock.lock();
        try {
            threads--;
            start = !queue.isEmpty(); // then threads < maxThreads, as this one just ended
            if (start) {
                threads++;
            } else if (threads == 0) {
                allEnded.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            startThread(null);
        }
    }

    /**
     * Counts a thread out, under the lock.
     *
     * @return the queued tasks, removed from the queue, if no thread is left to run them; else empty
     */
    private List<NamespaceTask<?>> threadEnded() {
        threads--;
        if (threads > 0 || queue.isEmpty()) {
            if (threads == 0) {
                allEnded.signalAll();
            }
            return List.of();
        }
        List<NamespaceTask<?>> stranded = new ArrayList<>(queue);
        queue.clear();
        allEnded.signalAll();
        return stranded;
    }

    private static void failAll(List<NamespaceTask<?>> tasks, Throwable cause) {
        for (NamespaceTask<?> task : tasks) {
            task.fail(cause);
        }
    }

    /** @return the number of threads started and not yet ended */
    int live() {
        lock.lock();
        try {
            return threads;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Accepts no more tasks; tasks already accepted still run, then the threads end. Does not wait
     * and does not close the namespace. Idempotent.
     */
    void close() {
        lock.lock();
        try {
            closed = true;
            taskQueued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every thread has finished its last task, after {@link #close()}.
     *
     * @return whether they all did within {@code timeout}
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (threads > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = allEnded.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
