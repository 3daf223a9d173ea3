package io.uts4j.it.apps;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A plain thread of the host's, started by host code, that runs what it is handed through a queue.
 * A queue is no executor: nothing uts4j weaves carries an identity to it, so it runs everything as
 * the host, whoever hands it over. Daemon: it never keeps a checker's JVM alive.
 */
public final class HostThread {
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final Thread thread;

    public HostThread(String name) {
        thread = new Thread(() -> {
            while (true) {
                try {
                    work.take().run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void run(Runnable r) {
        work.add(r);
    }

    public String name() {
        return thread.getName();
    }
}
