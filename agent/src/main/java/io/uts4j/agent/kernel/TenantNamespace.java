package io.uts4j.agent.kernel;

import io.uts4j.kernel.NamespaceExecutor;
import io.uts4j.kernel.UtsNames;
import io.uts4j.kernel.UtsNamespace;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTenant;

/**
 * One tenant's kernel namespace with its dedicated threads, in two lanes: process launches (short,
 * never queued behind anything else) and the API's {@code callInNamespace} tasks (as long as the
 * application likes). Every task runs in a scope of the tenant, so Java code there sees the same
 * identity as the kernel does.
 */
public final class TenantNamespace implements AutoCloseable {
    private static final int LAUNCH_THREADS = 2;
    /**
     * The longest a process launch waits for the tenant's launch lane (queueing and starting): it never
     * waits forever. A launch still queued then is cancelled (it never starts); one under way when
     * time is up ends its process as soon as it exists, so no child is left running unseen.
     */
    static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    private final String tenantId;
    private final UtsNamespace namespace;
    private final NamespaceExecutor launches;
    private final NamespaceExecutor tasks;
    private final Latency handoff = new Latency();
    private volatile Uts4jTenant tenant; // set once the tenant exists

    TenantNamespace(String tenantId, UtsNamespace namespace) {
        this.tenantId = tenantId;
        this.namespace = namespace;
        // Both lanes keep the executor's defaults (idle threads end after 60 s); launches are short and need fewer.
        this.launches = NamespaceExecutor.builder(namespace).threadFactory(new Threads(tenantId, "launch"))
                .maxThreads(LAUNCH_THREADS).build();
        this.tasks = NamespaceExecutor.builder(namespace).threadFactory(new Threads(tenantId, "task")).build();
    }

    /** Binds the namespace to its tenant; tasks run as that tenant from then on. */
    public void attachTo(Uts4jTenant t) {
        this.tenant = t;
    }

    /**
     * Starts a prepared builder from a thread inside the namespace. As the JDK's own start does, it
     * starts the process even if the calling thread is interrupted, and leaves the interrupt set.
     */
    public Process start(ProcessBuilder prepared) throws IOException {
        Process p = launch(new Callable<Process>() { // not a lambda: the first launch may come early
            @Override
            public Process call() throws IOException {
                return followingRenames(prepared.start());
            }
        }, new Consumer<Process>() {
            @Override
            public void accept(Process late) {
                late.destroyForcibly();
            }
        });
        return p;
    }

    /** As {@link #start}, for a pipeline. */
    public List<Process> startPipeline(List<ProcessBuilder> prepared) throws IOException {
        List<Process> started = launch(new Callable<List<Process>>() {
            @Override
            public List<Process> call() throws IOException {
                List<Process> ps = ProcessBuilder.startPipeline(prepared);
                for (Process p : ps) followingRenames(p);
                return ps;
            }
        }, new Consumer<List<Process>>() {
            @Override
            public void accept(List<Process> late) {
                for (Process p : late) p.destroyForcibly();
            }
        });
        return started;
    }

    private <T> T launch(Callable<T> start, Consumer<T> ifAbandoned) throws IOException {
        long t0 = System.nanoTime();
        try {
            return launches.callUninterruptibly(start, LAUNCH_TIMEOUT, ifAbandoned);
        } catch (TimeoutException e) {
            throw new IOException("uts4j: the process was not started inside tenant '" + tenantId + "''s namespace"
                    + " within " + LAUNCH_TIMEOUT.toSeconds() + " s (its launch threads are busy or stuck); if it"
                    + " started later it was destroyed", e);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            handoff.record(System.nanoTime() - t0);
        }
    }

    /**
     * A child may rename the namespace ({@code hostname x}); the kernel's names are the tenant's, so
     * once it has exited they are read again, and the Java-level identity follows. This may run on
     * the launching thread itself (when the child has exited already), so it must neither wait for
     * a lane (long tasks may hold the task lane) nor touch the caller's interrupt flag: a short-lived
     * thread reads the names, joined uninterruptibly. Called on the namespace's launch thread: on
     * JDK 17, {@code onExit} may make a process reaper thread, which keeps the context class loader
     * of the thread that made it (a web application's, on its request thread) for its idle minute.
     */
    private Process followingRenames(Process p) {
        p.onExit().thenRun(this::readKernelNames);
        return p;
    }

    private void readKernelNames() {
        Uts4jTenant t = tenant;
        if (t == null || namespace.isClosed()) return;
        try {
            UtsNames n = namespace.names();
            t.kernelNamesAre(n.hostname(), domain(n.domainname()));
        } catch (RuntimeException e) {
            // closed meanwhile (the tenant was removed); its names no longer matter
        }
    }

    /** Runs a task on a thread inside the namespace, as the tenant, and waits for it. */
    public <T> T call(Callable<T> task) throws Exception {
        long t0 = System.nanoTime();
        try {
            return tasks.call(new Callable<T>() {
                @Override
                public T call() throws Exception {
                    try (AutoCloseable asTenant = Uts4jInstall.tenantScope(tenant)) {
                        return task.call();
                    }
                }
            });
        } finally {
            handoff.record(System.nanoTime() - t0);
        }
    }

    /** Round trips to the dedicated threads, task time included. */
    public Latency handoff() {
        return handoff;
    }

    public long inode() {
        return namespace.inode();
    }

    /** {hostname, domain name or null} as the kernel holds them now. */
    public String[] kernelNames() {
        UtsNames n = namespace.names();
        return new String[] {n.hostname(), domain(n.domainname())};
    }

    static String domain(String kernelDomain) {
        return "(none)".equals(kernelDomain) ? null : kernelDomain;
    }

    /** Retires the dedicated threads and closes the namespace's fd. */
    @Override
    public void close() {
        launches.close();
        tasks.close();
        namespace.close();
    }

    /** Dedicated threads are the bootstrap's namespace threads, which the woven code recognises. */
    private static final class Threads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Threads(String tenantId, String lane) {
            this.prefix = "uts4j-ns-" + tenantId + "-" + lane + "-";
        }

        @Override
        public Thread newThread(Runnable r) {
            return Uts4jInstall.newNamespaceThread(r, prefix + count.incrementAndGet());
        }
    }
}
