package io.uts4j.agent.tenants;

import io.uts4j.agent.config.TenantSpec;
import io.uts4j.agent.kernel.TenantNamespace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import jdk.internal.misc.Uts4jTenant;

/**
 * One tenant as the agent runs it: its configuration, the identity the bootstrap answers with, its
 * kernel namespace (which may still be being made), and its counters.
 */
public final class TenantRuntime {
    private final TenantSpec spec;
    private final Uts4jTenant tenant;
    private final boolean added;
    private final CompletableFuture<TenantNamespace> namespace;
    private final LongAdder launched = new LongAdder();

    TenantRuntime(TenantSpec spec, Uts4jTenant tenant, boolean added, CompletableFuture<TenantNamespace> namespace) {
        this.spec = spec;
        this.tenant = tenant;
        this.added = added;
        this.namespace = namespace;
    }

    public String id() { return spec.id(); }
    public TenantSpec spec() { return spec; }
    public Uts4jTenant tenant() { return tenant; }
    /** Whether it was added at run time (its rules then rank below other tenants' and inheritance). */
    boolean added() { return added; }

    /** The tenant's kernel namespace, or null without one; waits while it is still being made. */
    public TenantNamespace namespace() {
        return namespace.join();
    }

    /** Whether the namespace question is settled (made, or known to be none). */
    public boolean namespaceSettled() {
        return namespace.isDone();
    }

    void namespaceIs(TenantNamespace ns) {
        if (ns != null) ns.attachTo(tenant);
        namespace.complete(ns);
    }

    public long processesLaunched() { return launched.sum(); }

    public void countLaunches(int n) { launched.add(n); }
}
