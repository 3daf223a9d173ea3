package io.uts4j.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** One task handed to a {@link NamespaceExecutor} thread, and the way its outcome comes back. */
final class NamespaceTask<T> {

    /** How long a caller of {@link #await()} spins before parking: a short task's result is then seen sooner. */
    private static final long SPIN_NANOS = 20_000;

    private final Callable<T> callable;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    /** Whether an idle thread was counted on for this task when it was queued; see NamespaceExecutor. */
    boolean claimed;
    private T value;
    /** What the task threw, exactly; written before {@code future} completes, which publishes it. */
    private Throwable failure;

    NamespaceTask(Callable<T> callable) {
        this.callable = callable;
    }

    CompletableFuture<T> future() {
        return future;
    }

    /**
     * Runs the task, unless it was cancelled first, and keeps its outcome for {@link #publish()}.
     * The two steps are apart so that a worker can count itself idle before its caller sees the result.
     *
     * @return false if it threw an Error, after which its thread is not trusted to run more tasks
     */
    boolean execute() {
        if (future.isDone()) {
            return true;
        }
        try {
            value = callable.call();
            return true;
        } catch (Error e) {
            failure = e;
            return false;
        } catch (Throwable t) {
            failure = t;
            return true;
        }
    }

    /** Hands the outcome of {@link #execute()} to whoever waits for it. */
    void publish() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(value);
        }
    }

    void fail(Throwable t) {
        failure = t;
        future.completeExceptionally(t);
    }

    /** Waits for the outcome and returns the result, or throws what the task threw, unchanged. */
    T await() throws Exception {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable t = failure != null ? failure : e.getCause();
            if (t instanceof Exception) {
                throw (Exception) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            throw e;
        } catch (InterruptedException e) {
            future.cancel(false); // it will not run if it has not started
            throw e;
        }
    }
}
