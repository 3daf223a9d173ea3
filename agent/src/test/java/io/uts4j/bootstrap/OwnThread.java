package io.uts4j.bootstrap;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;

/**
 * A thread that runs, one at a time, what the test hands it, as itself: so that the test can change
 * the thread (rename it, replace the tenants) between two looks at what it is bound to. Created and
 * started by the calling thread as woven JDK code does, so it inherits as any new thread would.
 */
final class OwnThread implements AutoCloseable {
    private final BlockingQueue<FutureTask<?>> work = new LinkedBlockingQueue<>();
    final Thread thread;

    OwnThread(String name) {
        thread = WovenJdk.newThread(this::serve, name);
        WovenJdk.start(thread);
    }

    private void serve() {
        try {
            while (true) work.take().run();
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Runs the body on this thread; its result, or what it threw. */
    <T> T call(Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        work.add(task);
        return Threads.result(task);
    }

    /** The tenant this thread is bound to now; null for the host. */
    Uts4jTenant tenant() throws Exception {
        return call(Uts4jInstall::currentTenant);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Threads.TIMEOUT_SECONDS * 1000);
    }
}
