package io.uts4j.bootstrap;

import jdk.internal.misc.Uts4jDispatcher;

/**
 * The few JDK calls these tests make as the JDK makes them once uts4j has woven it (see the agent's
 * {@code Targets.identity()}): the bootstrap's hook first, then the JDK's own code. Nothing is woven
 * in these tests' JVM, so a test that stands for application code calls these instead.
 */
final class WovenJdk {
    private WovenJdk() {}

    /** {@code new Thread(task, name)}: every Thread constructor first calls beforeThreadCreation. */
    static Thread newThread(Runnable task, String name) {
        Uts4jDispatcher.beforeThreadCreation();
        return new Thread(task, name);
    }

    /** {@code thread.setName(name)}. */
    static void setName(Thread thread, String name) {
        Uts4jDispatcher.threadChanging(thread);
        thread.setName(name);
    }

    /** {@code thread.setContextClassLoader(loader)}. */
    static void setContextClassLoader(Thread thread, ClassLoader loader) {
        Uts4jDispatcher.threadChanging(thread);
        thread.setContextClassLoader(loader);
    }

    /** {@code thread.start()}: the hook may start it from the host instead (never here: no namespace threads). */
    static void start(Thread thread) {
        if (!Uts4jDispatcher.startThread(thread)) thread.start();
    }
}
