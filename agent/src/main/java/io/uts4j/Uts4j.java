package io.uts4j;

import io.uts4j.bootstrap.Dispatcher;
import io.uts4j.bootstrap.HostIdentity;
import io.uts4j.bootstrap.ScopeFrame;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantNamespace;
import io.uts4j.bootstrap.TenantTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Application-facing API: run code as a tenant, and read the identity a thread has.
 *
 * <pre>{@code
 * try (TenantScope s = Uts4j.enter("shop")) {
 *     InetAddress.getLocalHost().getHostName(); // the tenant's hostname
 * }
 * }</pre>
 *
 * Compile against the agent jar; at run time these classes are the ones the agent put on the
 * bootstrap class path, so every class loader sees the same bindings.
 */
public final class Uts4j {
    private Uts4j() {}

    /** The ids of the configured tenants, in declaration order; empty when the agent is not attached. */
    public static List<String> tenants() {
        List<String> ids = new ArrayList<>();
        for (Tenant t : Dispatcher.table().tenants()) ids.add(t.id());
        return Collections.unmodifiableList(ids);
    }

    /** The calling thread's tenant id, or empty when it sees the host. */
    public static Optional<String> currentTenant() {
        Tenant t = Dispatcher.currentTenant();
        return t == null ? Optional.empty() : Optional.of(t.id());
    }

    /** The identity the calling thread sees. */
    public static Identity current() {
        Tenant t = Dispatcher.currentTenant();
        return t == null ? host() : new Identity(t.id(), t.hostname(), t.domainname());
    }

    /** The real host's identity, whatever the calling thread is bound to. */
    public static Identity host() {
        return new Identity(null, HostIdentity.hostname(), HostIdentity.domainname());
    }

    /**
     * Binds the calling thread to a tenant until the returned scope is closed.
     *
     * @throws IllegalArgumentException if no tenant has that id
     */
    public static TenantScope enter(String tenantId) {
        return new TenantScope(ScopeFrame.open(tenant(tenantId)), tenantId);
    }

    /** Runs a task as a tenant on the calling thread, and restores the previous binding after. */
    public static <T> T callAs(String tenantId, Callable<T> task) throws Exception {
        try (TenantScope ignored = enter(tenantId)) {
            return task.call();
        }
    }

    /** Runs a task as a tenant on the calling thread, and restores the previous binding after. */
    public static void runAs(String tenantId, Runnable task) {
        try (TenantScope ignored = enter(tenantId)) {
            task.run();
        }
    }

    /**
     * Wraps a task so that it runs as the calling thread's current tenant (or as the host) wherever
     * it runs: the way to carry a tenant into a shared pool, whose workers inherit none.
     */
    public static Runnable propagate(Runnable task) {
        Tenant t = Dispatcher.currentTenant();
        return () -> {
            try (ScopeFrame ignored = ScopeFrame.open(t)) {
                task.run();
            }
        };
    }

    /** As {@link #propagate(Runnable)}, for a task with a result. */
    public static <T> Callable<T> propagate(Callable<T> task) {
        Tenant t = Dispatcher.currentTenant();
        return () -> {
            try (ScopeFrame ignored = ScopeFrame.open(t)) {
                return task.call();
            }
        };
    }

    /**
     * Runs a task on a thread that lives inside the tenant's kernel UTS namespace, as the tenant,
     * and waits for it: what native code calling {@code gethostname()} there sees is the tenant's.
     *
     * @throws IllegalArgumentException if no tenant has that id
     * @throws IllegalStateException    if the tenant has no kernel namespace
     * @throws Exception                whatever the task threw
     */
    public static <T> T callInNamespace(String tenantId, Callable<T> task) throws Exception {
        TenantNamespace ns = tenant(tenantId).namespace();
        if (ns == null) throw new IllegalStateException("tenant '" + tenantId + "' has no kernel namespace");
        return ns.call(task);
    }

    /**
     * What the kernel holds for the tenant now (its namespace's hostname and domain name), or empty
     * when the tenant has no kernel namespace.
     *
     * @throws IllegalArgumentException if no tenant has that id
     */
    public static Optional<Identity> kernelIdentity(String tenantId) {
        TenantNamespace ns = tenant(tenantId).namespace();
        String[] names = ns == null ? null : ns.kernelNames();
        return names == null ? Optional.empty() : Optional.of(new Identity(tenantId, names[0], names[1]));
    }

    /**
     * The inode of the tenant's kernel namespace (as {@code /proc/<pid>/task/<tid>/ns/uts} names
     * it), or empty when the tenant has none.
     */
    public static java.util.OptionalLong namespaceInode(String tenantId) {
        TenantNamespace ns = tenant(tenantId).namespace();
        long inode = ns == null ? 0 : ns.inode();
        return inode == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(inode);
    }

    /**
     * Adds a tenant while the JVM runs, with the same keys and checks as the agent configuration
     * (without the {@code tenant.<id>.} prefix), e.g. {@code Map.of("hostname", "shop-2", "loader", "shop2")}.
     * It gets a kernel namespace as configured tenants do.
     *
     * @throws IllegalArgumentException for a bad or duplicate id or setting, naming it
     * @throws IllegalStateException    if the agent is not attached, or kernel=required and no namespace can be had
     */
    public static void addTenant(String tenantId, java.util.Map<String, String> settings) {
        admin().add(tenantId, settings);
    }

    /**
     * Removes a tenant: its rules stop binding threads, its dedicated threads end and its namespace
     * closes. Threads still bound to it (by inheritance or an open scope) see the host from then on.
     *
     * @throws IllegalArgumentException if no tenant has that id
     */
    public static void removeTenant(String tenantId) {
        admin().remove(tenantId);
    }

    private static io.uts4j.bootstrap.TenantAdmin admin() {
        io.uts4j.bootstrap.TenantAdmin a = Dispatcher.admin();
        if (a == null) throw new IllegalStateException("the uts4j agent is not attached");
        return a;
    }

    private static Tenant tenant(String id) {
        TenantTable table = Dispatcher.table();
        Tenant t = id == null ? null : table.get(id);
        if (t == null) {
            io.uts4j.bootstrap.Counters.DENIED_REBINDS.increment();
            throw new IllegalArgumentException(table.isEmpty()
                    ? "no tenant '" + id + "': the uts4j agent is not attached or has no tenants"
                    : "no tenant '" + id + "'; configured tenants: " + tenants());
        }
        return t;
    }
}
