package io.uts4j;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * The host's capability over uts4j, from {@link Uts4j#control()}: whoever holds it may bind any
 * thread to any tenant, work in any tenant's namespace and add or remove tenants. It is issued once;
 * keep it where tenants' code cannot reach it.
 */
public final class Uts4jControl {
    private final Object token;

    Uts4jControl(Object token) {
        this.token = token;
    }

    /** The ids of the tenants now, in declaration order (configured first, then added ones). */
    public List<String> tenants() {
        return Collections.unmodifiableList(Arrays.asList((String[]) AgentBridge.call("tenants", token)));
    }

    /**
     * Binds the calling thread to a tenant until the returned scope is closed.
     *
     * @throws IllegalArgumentException if no tenant has that id
     */
    public TenantScope enter(String tenantId) {
        if (tenantId == null) throw new IllegalArgumentException("no tenant 'null'; use enterHost()");
        return new TenantScope((AutoCloseable) AgentBridge.call("enterAs", token, tenantId), tenantId);
    }

    /** Binds the calling thread to the host until the returned scope is closed. */
    public TenantScope enterHost() {
        return new TenantScope((AutoCloseable) AgentBridge.call("enterAs", token, null), null);
    }

    /** Runs a task as a tenant on the calling thread, and restores the previous binding after. */
    public <T> T callAs(String tenantId, Callable<T> task) throws Exception {
        try (TenantScope ignored = enter(tenantId)) {
            return task.call();
        }
    }

    /** Runs a task as a tenant on the calling thread, and restores the previous binding after. */
    public void runAs(String tenantId, Runnable task) {
        try (TenantScope ignored = enter(tenantId)) {
            task.run();
        }
    }

    /** As {@link Uts4j#callInNamespace}, for any tenant. */
    @SuppressWarnings("unchecked")
    public <T> T callInNamespace(String tenantId, Callable<T> task) throws Exception {
        return (T) AgentBridge.callThrowing("callInNamespace", token, tenantId, task);
    }

    /** As {@link Uts4j#kernelIdentity}, for any tenant. */
    public Optional<Identity> kernelIdentity(String tenantId) {
        return Uts4j.kernelIdentity(token, tenantId);
    }

    /** As {@link Uts4j#namespaceInode}, for any tenant. */
    public OptionalLong namespaceInode(String tenantId) {
        return Uts4j.namespaceInode(token, tenantId);
    }

    /**
     * Adds a tenant while the JVM runs, with the same keys and checks as the agent configuration
     * (without the {@code tenant.<id>.} prefix), e.g. {@code Map.of("hostname", "shop-2", "loader", "shop2")}.
     * It gets a kernel namespace as configured tenants do (with kernel=auto, when none can be had,
     * the agent says so on stderr and the tenant has a Java-level identity only). Unless the
     * operator set {@code added-tenants=claim}, its rules bind only threads that no configured
     * tenant's rule or inheritance binds.
     *
     * @throws IllegalArgumentException for a bad or duplicate id or setting, naming it
     * @throws IllegalStateException    if kernel=required and no namespace can be had
     */
    public void addTenant(String tenantId, Map<String, String> settings) {
        AgentBridge.call("addTenant", token, tenantId, Map.copyOf(settings));
    }

    /**
     * Removes a tenant: its rules stop binding threads, its dedicated threads end and its namespace
     * closes. Threads still bound to it (by inheritance, a scope, or work handed over) see the host
     * from then on.
     *
     * @throws IllegalArgumentException if no tenant has that id
     */
    public void removeTenant(String tenantId) {
        AgentBridge.call("removeTenant", token, tenantId);
    }

    @Override
    public String toString() {
        return "Uts4jControl";
    }
}
