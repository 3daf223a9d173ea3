package io.uts4j.agent.kernel;

import io.uts4j.bootstrap.NamespaceThread;
import io.uts4j.bootstrap.ScopeFrame;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantNamespace;
import io.uts4j.kernel.NamespaceExecutor;
import io.uts4j.kernel.UtsNames;
import io.uts4j.kernel.UtsNamespace;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tenant's kernel namespace with its dedicated threads. Every task runs inside a scope of the
 * tenant, so Java code there sees the same identity as the kernel does.
 */
public final class KernelNamespace implements TenantNamespace, AutoCloseable {
    private static final int MAX_THREADS = 4;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private final String tenantId;
    private final UtsNamespace namespace;
    private final NamespaceExecutor executor;
    private volatile Tenant tenant; // set once the tenant exists
    private final io.uts4j.agent.jmx.Latency handoff = new io.uts4j.agent.jmx.Latency();

    KernelNamespace(String tenantId, UtsNamespace namespace) {
        this.tenantId = tenantId;
        this.namespace = namespace;
        this.executor = NamespaceExecutor.builder(namespace).threadFactory(new Threads(tenantId))
                .maxThreads(MAX_THREADS).keepAlive(KEEP_ALIVE).build();
    }

    /** Binds the namespace to its tenant; tasks run as that tenant from then on. */
    public void attachTo(Tenant t) {
        this.tenant = t;
        t.attachNamespace(this);
    }

    public String tenantId() {
        return tenantId;
    }

    @Override
    public Process start(ProcessBuilder builder) throws IOException {
        return followingRenames(inside(builder::start));
    }

    @Override
    public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        List<Process> started = inside(() -> ProcessBuilder.startPipeline(builders));
        for (Process p : started) followingRenames(p);
        return started;
    }

    /**
     * A child may rename the namespace ({@code hostname x}); the kernel's names are the tenant's, so
     * once it has exited, they are read again and the Java-level identity follows.
     */
    private Process followingRenames(Process p) {
        p.onExit().thenRun(this::readKernelNames);
        return p;
    }

    private void readKernelNames() {
        Tenant t = tenant;
        if (t == null || namespace.isClosed()) return;
        try {
            UtsNames n = executor.call(UtsNamespace::currentThreadNames);
            t.kernelNamesAre(n.hostname(), "(none)".equals(n.domainname()) ? null : n.domainname());
        } catch (Exception e) {
            // closed meanwhile (the tenant was removed); its names no longer matter
        }
    }

    private <T> T inside(IoTask<T> task) throws IOException {
        try {
            return call(task::run);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public <T> T call(Callable<T> task) throws Exception {
        long start = System.nanoTime();
        try {
            return executor.call(() -> {
                try (ScopeFrame asTenant = ScopeFrame.open(tenant)) {
                    return task.call();
                }
            });
        } finally {
            handoff.record(System.nanoTime() - start);
        }
    }

    /** Round trips to the dedicated threads, task time included. */
    public io.uts4j.agent.jmx.Latency handoff() {
        return handoff;
    }

    @Override
    public long inode() {
        return namespace.inode();
    }

    @Override
    public String[] kernelNames() {
        UtsNames n = namespace.names();
        return new String[] {n.hostname(), "(none)".equals(n.domainname()) ? null : n.domainname()};
    }

    /** Retires the dedicated threads and closes the namespace's fd. */
    @Override
    public void close() {
        executor.close();
        namespace.close();
    }

    private interface IoTask<T> {
        T run() throws IOException;
    }

    /** Dedicated threads are {@link NamespaceThread}s, which the advice recognises. */
    private static final class Threads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Threads(String tenantId) {
            this.prefix = "uts4j-ns-" + tenantId + "-";
        }

        @Override
        public Thread newThread(Runnable r) {
            return new NamespaceThread(r, prefix + count.incrementAndGet());
        }
    }
}
