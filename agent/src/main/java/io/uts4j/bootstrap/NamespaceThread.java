package io.uts4j.bootstrap;

/**
 * A platform thread dedicated to one tenant's namespace. Advice recognises these by class: a
 * thread they start is started from the host instead (see {@link HostThreadStarter}), and their
 * own work runs unbound, since the namespace itself is the identity.
 */
public final class NamespaceThread extends Thread {
    public NamespaceThread(Runnable task, String name) {
        super(null, task, name, 0, false); // inherits no thread locals, so no tenant binding
        setDaemon(true);
    }
}
