package jdk.internal.misc;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * Starts threads on behalf of namespace threads, from a thread that lives in the host namespace.
 *
 * <p>Why: a new thread starts in the namespace of the thread that starts it, and keeps it for life.
 * The JDK starts helper threads as a side effect of work (the process reaper when a process is
 * launched, pool workers on a first submission); started from a tenant's namespace thread, they
 * would carry that tenant's namespace into the host's and other tenants' work.
 *
 * <p>The requester waits on the thread object's own monitor: on JDK 17 {@code Thread.start()} is a
 * synchronized method, so the requester already holds that monitor and {@code wait()} is what lets
 * the starter's {@code start()} in.
 */
public final class Uts4jHostStarter {
    private static final LinkedBlockingQueue<Request> REQUESTS = new LinkedBlockingQueue<>();
    private static volatile Thread starter;

    private Uts4jHostStarter() {}

    /** Starts the starter thread. Must be called from a host thread, before any namespace thread runs. */
    public static synchronized void startFromHost() {
        if (starter != null) return;
        Thread t = new Thread(null, new Serve(), "uts4j-host-thread-starter", 0, false);
        t.setDaemon(true);
        t.start();
        starter = t;
    }

    /**
     * True when the thread was started from the host; false to let the caller start it itself.
     *
     * @param container the JDK 21+ {@code ThreadContainer} it is being started in, or null for {@code start()}
     */
    static boolean start(Thread thread, Object container) {
        if (starter == null) return false;
        Request r = new Request(thread, container);
        boolean interrupted = false;
        synchronized (thread) {
            REQUESTS.add(r);
            while (!r.done) {
                try {
                    thread.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the start is under way: its outcome must be awaited
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        // A thread that could not be started (already started, say) fails the same way on the caller.
        return r.failure == null;
    }

    private static final class Request {
        final Thread thread;
        final Object container;
        boolean done;       // guarded by thread's monitor
        Throwable failure;  // guarded by thread's monitor

        Request(Thread thread, Object container) {
            this.thread = thread;
            this.container = container;
        }

        /** Starts the thread as its requester would have: in the same container, where there is one. */
        void start() throws Throwable {
            if (container == null) {
                thread.start();
                return;
            }
            try {
                StartInContainer.METHOD.invoke(thread, container);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** JDK 21+: {@code Thread.start(ThreadContainer)}, which executors use instead of {@code start()}. */
    private static final class StartInContainer {
        static final java.lang.reflect.Method METHOD = find();

        private static java.lang.reflect.Method find() {
            try {
                java.lang.reflect.Method m = Thread.class.getDeclaredMethod("start",
                        Class.forName("jdk.internal.vm.ThreadContainer"));
                m.setAccessible(true); // java.base code: java.lang is open to it
                return m;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot start threads in their container", e);
            }
        }
    }

    /** The starter's loop; a class rather than a lambda, as bootstrap code avoids invokedynamic. */
    private static final class Serve implements Runnable {
        @Override
        public void run() {
            while (true) {
                Request r;
                try {
                    r = REQUESTS.take();
                } catch (InterruptedException e) {
                    continue; // a daemon: it lives as long as the JVM
                }
                Throwable failure = null;
                try {
                    r.start();
                } catch (Throwable e) {
                    failure = e;
                }
                synchronized (r.thread) {
                    r.failure = failure;
                    r.done = true;
                    r.thread.notifyAll(); // joiners woken too re-check isAlive() and wait again
                }
            }
        }
    }
}
