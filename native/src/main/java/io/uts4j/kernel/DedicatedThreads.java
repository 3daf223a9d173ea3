package io.uts4j.kernel;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes and checks the threads a {@link NamespaceExecutor} dedicates to one namespace. */
final class DedicatedThreads {

    /** {@code Thread.isVirtual()}, present from Java 21; this module is built for 17. */
    private static final Method IS_VIRTUAL = findIsVirtual();

    private DedicatedThreads() {
    }

    /** @return a factory of daemon threads named {@code uts4j-ns-<inode>-<n>} */
    static ThreadFactory defaultFactory(long inode) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "uts4j-ns-" + inode + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Rejects what cannot be dedicated: setns() acts on the OS thread, which for a virtual thread is
     * a carrier shared with unrelated virtual threads.
     */
    static Thread check(Thread thread, ThreadFactory factory) {
        if (thread == null) {
            throw new IllegalStateException("ThreadFactory " + factory + " returned no thread");
        }
        if (isVirtual(thread)) {
            throw new IllegalStateException("ThreadFactory " + factory + " made a virtual thread (" + thread
                    + "); a namespace can only be given to platform threads");
        }
        return thread;
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return IS_VIRTUAL != null && (Boolean) IS_VIRTUAL.invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Method findIsVirtual() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
