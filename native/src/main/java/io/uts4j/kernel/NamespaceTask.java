package io.uts4j.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One task handed to a {@link NamespaceExecutor} thread, and the way its outcome comes back.
 *
 * <p>Its life is a small state machine, so that "cancelled before it started" and "it started" can
 * never both be true: a worker moves it from NEW to RUNNING, a waiter from NEW to CANCELLED, and
 * only one of them wins. A waiter that gives up on a RUNNING task moves it to ABANDONED, and then
 * the worker hands the result to the waiter's consumer instead.
 */
final class NamespaceTask<T> {

    /** How long a caller spins before parking: a short task's result is then seen sooner. */
    private static final long SPIN_NANOS = 20_000;

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;
    private static final int ENDED = 3;
    private static final int CANCELLED = 4;

    private final Callable<T> callable;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private T value;
    /** What the task threw, exactly; written before {@code future} completes, which publishes it. */
    private Throwable failure;
    /** Set before the move to ABANDONED, which publishes it to the worker. */
    private Consumer<? super T> ifAbandoned;

    NamespaceTask(Callable<T> callable) {
        this.callable = callable;
    }

    CompletableFuture<T> future() {
        return future;
    }

    /** What {@link #execute()} did. */
    enum Run {
        /** It had been cancelled or failed before it could start. */
        SKIPPED,
        RAN,
        /** It threw an Error, after which its thread is not trusted to run more tasks. */
        RAN_INTO_ERROR
    }

    /**
     * Runs the task unless it was cancelled or failed first, and keeps its outcome for
     * {@link #publish()}. The two steps are apart so that a worker can count itself free before its
     * caller sees the result, and the caller's next task finds it.
     */
    Run execute() {
        if (future.isDone() || !state.compareAndSet(NEW, RUNNING)) {
            return Run.SKIPPED;
        }
        try {
            value = callable.call();
            return Run.RAN;
        } catch (Error e) {
            failure = e;
            return Run.RAN_INTO_ERROR;
        } catch (Throwable t) {
            failure = t;
            return Run.RAN;
        }
    }

    /** Hands the outcome of {@link #execute()} to whoever waits for it, or to the abandoned task's consumer. */
    void publish() {
        if (state.compareAndSet(RUNNING, ENDED)) {
            complete();
        } else if (state.get() == ABANDONED) {
            complete();
            handOverAbandoned();
        }
    }

    private void complete() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(value);
        }
    }

    /** A result nobody waits for any more still has an owner: the consumer the waiter left. */
    private void handOverAbandoned() {
        if (value == null) {
            return; // it failed, or returned nothing: there is nothing to release
        }
        try {
            ifAbandoned.accept(value);
        } catch (RuntimeException e) {
            // Nobody waits to be told; report it the way an uncaught exception would be, and carry on.
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, e);
        }
    }

    /** Fails the task, if it has not started, with {@code cause}; it will then never run. */
    void fail(Throwable cause) {
        if (state.compareAndSet(NEW, ENDED)) {
            failure = cause;
            future.completeExceptionally(cause);
        }
    }

    /** @return whether the task was cancelled before it started; if so it will never run */
    boolean cancel() {
        if (state.compareAndSet(NEW, CANCELLED)) {
            future.cancel(false);
            return true;
        }
        return false;
    }

    /**
     * Waits for the outcome and returns the result, or throws what the task threw, unchanged. If
     * interrupted, cancels the task if it has not started (else lets it run to its end, unseen) and
     * throws InterruptedException.
     */
    T await() throws Exception {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        try {
            future.get();
        } catch (ExecutionException e) {
            // reported by outcome()
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        return outcome();
    }

    /**
     * Waits until {@code deadline} (a {@link System#nanoTime()} value) whatever interrupts arrive,
     * and leaves the interrupt flag set if any did. If the time is up, a task that has not started
     * is cancelled; a running one is abandoned: its result goes to {@code ifAbandoned}.
     *
     * @throws TimeoutException if the task did not end in time
     */
    T awaitUninterruptibly(long deadline, Consumer<? super T> onAbandon, String what) throws Exception {
        boolean interrupted = false;
        try {
            while (!future.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    future.get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // kept for the caller; the wait goes on
                } catch (ExecutionException | TimeoutException e) {
                    break; // the outcome is known, or the time is up
                }
            }
            if (future.isDone()) {
                return outcome();
            }
            if (cancel()) {
                throw new TimeoutException(what + " had not started when the time was up; it was cancelled"
                        + " and will never run");
            }
            ifAbandoned = onAbandon;
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                throw new TimeoutException(what + " was still running when the time was up; its result will be"
                        + " handed to the abandonment handler");
            }
            // It ended between the looks: its outcome is the caller's after all.
            while (!future.isDone()) {
                Thread.onSpinWait(); // the worker is between ENDED and completing the future
            }
            return outcome();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the result of a completed task, or throws what it threw (or why it did not run) */
    private T outcome() throws Exception {
        if (future.isCancelled()) {
            throw new CancellationException("the task was cancelled before it started");
        }
        Throwable t = failure;
        if (t == null) {
            return value;
        }
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new ExecutionException(t);
    }
}
