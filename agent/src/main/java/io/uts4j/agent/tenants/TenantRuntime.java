package io.uts4j.agent.tenants;

import io.uts4j.agent.config.TenantSpec;
import io.uts4j.agent.kernel.TenantNamespace;
import java.util.concurrent.atomic.AtomicLong;
import jdk.internal.misc.Uts4jTenant;

/**
 * One tenant as the agent runs it: its configuration, the identity the bootstrap answers with, its
 * kernel namespace (which may still be being made), and its counters.
 */
public final class TenantRuntime {
    private final TenantSpec spec;
    private final Uts4jTenant tenant;
    private final boolean added;
    private TenantNamespace namespace; // guarded by this
    private boolean settled;           // guarded by this
    private final AtomicLong launched = new AtomicLong(); // launches are rare: no LongAdder (its start-up costs a cold start)

    TenantRuntime(TenantSpec spec, Uts4jTenant tenant, boolean added) {
        this.spec = spec;
        this.tenant = tenant;
        this.added = added;
    }

    public String id() { return spec.id(); }
    public TenantSpec spec() { return spec; }
    public Uts4jTenant tenant() { return tenant; }
    /** Whether it was added at run time (its rules then rank below other tenants' and inheritance). */
    boolean added() { return added; }

    /**
     * The tenant's kernel namespace, or null without one; waits while it is still being made (a plain
     * monitor, not a CompletableFuture: that would start the common pool in premain).
     */
    public synchronized TenantNamespace namespace() {
        boolean interrupted = false;
        while (!settled) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // being made takes a moment; the answer is worth it
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        return namespace;
    }

    /** Whether the namespace question is settled (made, or known to be none). */
    public synchronized boolean namespaceSettled() {
        return settled;
    }

    synchronized void namespaceIs(TenantNamespace ns) {
        if (settled) return;
        if (ns != null) ns.attachTo(tenant);
        namespace = ns;
        settled = true;
        notifyAll();
    }

    public long processesLaunched() { return launched.get(); }

    public void countLaunches(int n) { launched.addAndGet(n); }
}
