package io.uts4j.agent.tenants;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.kernel.KernelSetup;
import java.util.Map;

/**
 * Makes the tenants' namespaces on a host thread while the application starts: loading JNA and
 * making namespaces takes a cold JVM a moment, and nothing needs them before a tenant's first
 * process launch, which waits for them ({@link TenantRuntime#namespace}).
 */
public final class DeferredKernel {
    private DeferredKernel() {}

    /** Starts the work; must be called from a host thread (premain's), as the namespaces' makers are born in its namespace. */
    public static void start(AgentConfig config, TenantRegistry registry) {
        Thread worker = new Thread(null, new Runnable() { // not a lambda: this runs in premain
            @Override
            public void run() {
                open(config, registry);
            }
        }, "uts4j-kernel-setup", 0, false);
        worker.setDaemon(true);
        worker.start();
    }

    private static void open(AgentConfig config, TenantRegistry registry) {
        try {
            KernelSetup.Outcome o = KernelSetup.open(config.kernel(), config.tenants());
            registry.namespacesAre(o.namespaces());
            if (o.notice() != null) System.err.println("uts4j: " + o.notice());
        } catch (Throwable e) { // only kernel=auto comes here: degrade, say so once
            registry.namespacesAre(Map.of());
            System.err.println("uts4j: " + e.getMessage() + "; tenants have a Java-level identity only");
        }
    }
}
