package io.uts4j.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs jobs on fresh platform threads and waits for them. Namespace changes act on the calling
 * thread only, so a thread that unshare()s or setns()es for a moment and then ends leaves no other
 * thread — in particular not the caller — in a different namespace.
 */
final class ShortLivedThread {

    private ShortLivedThread() {
    }

    /**
     * @return the job's result
     * @throws RuntimeException or Error: whatever the job threw; checked exceptions are wrapped
     */
    static <T> T call(String name, Callable<T> job) {
        return callAll(name, List.of(job), () -> { }, result -> { }).get(0);
    }

    /**
     * Runs each job on a thread of its own, all at once, and waits for all of them, even if the
     * caller is interrupted: a result may be a file descriptor that only the caller will close.
     * All or nothing: on the first failure (or a thread that cannot start) {@code abort} runs, so
     * that the other jobs can stop early; when all have ended, every result made is given to
     * {@code undo} and the first failure is thrown, with later ones suppressed.
     *
     * @return the results, in the order of the jobs
     * @throws RuntimeException or Error: the first failure; checked exceptions are wrapped
     */
    static <T> List<T> callAll(String name, List<Callable<T>> jobs, Runnable abort, Consumer<? super T> undo) {
        int n = jobs.size();
        List<T> results = new ArrayList<>(n);
        Throwable[] failures = new Throwable[n];
        AtomicReference<Throwable> first = new AtomicReference<>();
        Object[] made = new Object[n];
        List<Thread> started = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    made[index] = jobs.get(index).call();
                } catch (Throwable t) {
                    failures[index] = t;
                    if (first.compareAndSet(null, t)) {
                        abort.run();
                    }
                }
            }, n == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            try {
                thread.start();
            } catch (RuntimeException | Error e) { // e.g. OutOfMemoryError: unable to create native thread
                if (first.compareAndSet(null, e)) {
                    abort.run();
                }
                break;
            }
            started.add(thread);
        }
        joinUninterruptibly(started);
        Throwable failure = first.get();
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T result = (T) made[i];
            if (failure == null) {
                results.add(result);
            } else {
                if (failures[i] != null && failures[i] != failure) {
                    failure.addSuppressed(failures[i]);
                }
                if (result != null) {
                    try {
                        undo.accept(result);
                    } catch (RuntimeException e) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure == null) {
            return results;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        throw new IllegalStateException(name + " failed", failure);
    }

    private static void joinUninterruptibly(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
