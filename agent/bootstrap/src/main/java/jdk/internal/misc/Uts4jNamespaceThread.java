package jdk.internal.misc;

/**
 * A platform thread dedicated to one tenant's namespace. Advice recognises these by class: a
 * thread they start is started from the host instead (see {@link Uts4jHostStarter}), and a process
 * they start is started right there, inside the namespace.
 */
public final class Uts4jNamespaceThread extends Thread {
    public Uts4jNamespaceThread(Runnable task, String name) {
        super(null, task, name, 0, false); // inherits no thread locals, so no tenant binding
        setDaemon(true);
        // Nor the context loader of whichever thread needed it first (a web application's request
        // thread, say): this thread outlives that application, and so would its loader. JDK 21+ does
        // this itself for threads that inherit no thread locals; JDK 17 does not.
        setContextClassLoader(ClassLoader.getSystemClassLoader());
    }
}
