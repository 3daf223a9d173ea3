package io.uts4j.kernel;

import java.util.concurrent.Callable;

/**
 * Runs one job on a fresh platform thread and waits for it. Namespace changes act on the calling
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
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = job.call();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        joinUninterruptibly(thread); // an interrupted caller must still receive a file descriptor it owns
        if (failure[0] instanceof RuntimeException) {
            throw (RuntimeException) failure[0];
        }
        if (failure[0] instanceof Error) {
            throw (Error) failure[0];
        }
        if (failure[0] != null) {
            throw new IllegalStateException(name + " failed", failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
