package io.uts4j.agent.kernel;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.bootstrap.ProcessLaunch;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantNamespace;
import io.uts4j.bootstrap.TenantTable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Creates the tenants' namespaces on a host thread while the application starts: loading JNA and
 * making the first namespace costs about 0.2 s of interpreted start-up, and nothing needs them
 * before a tenant's first process launch. Until then each tenant holds a {@link Pending}
 * placeholder, which waits for the outcome and hands over to the real namespace (or, when kernel
 * mode turned out to be unavailable, to the Java-level behaviour).
 */
public final class DeferredKernel {
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Gives every tenant that asks for a namespace a placeholder, then starts the work. */
    public static DeferredKernel start(AgentConfig config, TenantTable table) {
        DeferredKernel k = new DeferredKernel();
        for (TenantSpec s : config.tenants()) {
            if (!s.namespace().equals(TenantSpec.NAMESPACE_NONE)) {
                Tenant t = table.get(s.id());
                t.attachNamespace(k.new Pending(t));
            }
        }
        // Started from premain's thread, so it lives in the host's namespace, as must what it creates.
        Thread worker = new Thread(null, new Runnable() { // not a lambda: premain avoids invokedynamic
            @Override
            public void run() {
                k.open(config, table);
            }
        }, "uts4j-kernel-setup", 0, false);
        worker.setDaemon(true);
        worker.start();
        return k;
    }

    private void open(AgentConfig config, TenantTable table) {
        try {
            KernelSetup.Outcome o = KernelSetup.open(config);
            for (Tenant t : table.tenants()) {
                KernelNamespace ns = o.namespaces().get(t.id());
                if (ns != null) {
                    ns.attachTo(t);
                } else {
                    t.attachNamespace(null);
                }
            }
            if (o.notice() != null) System.err.println("uts4j: " + o.notice());
        } catch (Throwable e) { // only kernel=auto comes here: degrade, say so once
            for (Tenant t : table.tenants()) t.attachNamespace(null);
            System.err.println("uts4j: " + e.getMessage() + "; tenants have a Java-level identity only");
        } finally {
            done.complete(null);
        }
    }

    /** A tenant's namespace while it is being created. */
    public final class Pending implements TenantNamespace {
        private final Tenant tenant;

        Pending(Tenant tenant) {
            this.tenant = tenant;
        }

        /** Waits for the outcome; the tenant's namespace is then the real one, or none. */
        public void awaitReady() {
            done.join();
        }

        private TenantNamespace ready() {
            done.join();
            TenantNamespace real = tenant.namespace();
            return real == this ? null : real;
        }

        @Override
        public Process start(ProcessBuilder builder) throws IOException {
            TenantNamespace real = ready();
            return real != null ? real.start(builder) : ProcessLaunch.startOnCallingThread(builder);
        }

        @Override
        public List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
            TenantNamespace real = ready();
            return real != null ? real.startPipeline(builders) : ProcessLaunch.startPipelineOnCallingThread(builders);
        }

        @Override
        public <T> T call(Callable<T> task) throws Exception {
            TenantNamespace real = ready();
            if (real == null) throw new IllegalStateException(tenant + " has no kernel namespace");
            return real.call(task);
        }

        @Override
        public long inode() {
            TenantNamespace real = ready();
            return real == null ? 0 : real.inode();
        }

        @Override
        public String[] kernelNames() {
            TenantNamespace real = ready();
            return real == null ? null : real.kernelNames();
        }
    }
}
