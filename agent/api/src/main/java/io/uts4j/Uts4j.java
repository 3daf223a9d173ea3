package io.uts4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * What any code may ask of uts4j: the identity the calling thread has, its own tenant's kernel
 * namespace, and work that keeps the caller's identity wherever it runs.
 *
 * <pre>{@code
 * Uts4j.current().hostname();          // the calling thread's hostname: its tenant's, or the host's
 * executor.submit(Uts4j.propagate(task));  // runs as the caller wherever it runs (the agent does
 *                                          // this by itself for the JDK's executors)
 * }</pre>
 *
 * <p>Code running as a tenant can act only as that tenant: a scope of another tenant, work in
 * another tenant's namespace and every administrative operation are refused with a
 * {@link SecurityException}. Host code gets those powers through {@link #control()}.
 *
 * <p>Without the agent, {@link #current()} answers the host's identity, {@link #isAttached()} is
 * false, and every other operation throws {@link IllegalStateException}.
 */
public final class Uts4j {
    private Uts4j() {}

    /** Whether the uts4j agent is attached to this JVM. */
    public static boolean isAttached() {
        return AgentBridge.attached();
    }

    /** The identity the calling thread sees. */
    public static Identity current() {
        return AgentBridge.attached() ? Identity.of((String[]) AgentBridge.call("current")) : unattachedHost();
    }

    /** The calling thread's tenant id, or empty when it sees the host. */
    public static Optional<String> currentTenant() {
        return current().tenantId();
    }

    /** The real host's identity, whatever the calling thread is bound to. */
    public static Identity host() {
        return AgentBridge.attached() ? Identity.of((String[]) AgentBridge.call("host")) : unattachedHost();
    }

    /**
     * Binds the calling thread to its own tenant until the returned scope is closed: the identity
     * then stays the tenant's whatever happens to the thread's name or context class loader.
     *
     * @throws IllegalArgumentException if no tenant has that id
     * @throws SecurityException        if the calling thread is not bound to that tenant (use {@link #control()})
     */
    public static TenantScope enter(String tenantId) {
        return new TenantScope((AutoCloseable) AgentBridge.call("enter", tenantId), tenantId);
    }

    /** Runs a task in a scope of the caller's own tenant ({@link #enter}). */
    public static <T> T callAs(String tenantId, Callable<T> task) throws Exception {
        try (TenantScope ignored = enter(tenantId)) {
            return task.call();
        }
    }

    /** Runs a task in a scope of the caller's own tenant ({@link #enter}). */
    public static void runAs(String tenantId, Runnable task) {
        try (TenantScope ignored = enter(tenantId)) {
            task.run();
        }
    }

    /**
     * Wraps a task so that it runs as the calling thread's current identity (its tenant, or the
     * host) wherever it runs. Without the agent, the task itself.
     */
    public static Runnable propagate(Runnable task) {
        return AgentBridge.attached() ? (Runnable) AgentBridge.call("propagate", task) : task;
    }

    /** As {@link #propagate(Runnable)}, for a task with a result. */
    @SuppressWarnings("unchecked")
    public static <T> Callable<T> propagate(Callable<T> task) {
        return AgentBridge.attached() ? (Callable<T>) AgentBridge.call("propagate", task) : task;
    }

    /**
     * Runs a task on a thread that lives inside the caller's own tenant's kernel UTS namespace, as
     * the tenant, and waits for it: what native code calling {@code gethostname()} there sees is the
     * tenant's.
     *
     * @throws IllegalArgumentException if no tenant has that id
     * @throws SecurityException        if the calling thread is not bound to that tenant (use {@link #control()})
     * @throws IllegalStateException    if the tenant has no kernel namespace
     * @throws Exception                whatever the task threw
     */
    @SuppressWarnings("unchecked")
    public static <T> T callInNamespace(String tenantId, Callable<T> task) throws Exception {
        return (T) AgentBridge.callThrowing("callInNamespace", null, tenantId, task);
    }

    /**
     * What the kernel holds for the caller's own tenant now (its namespace's hostname and domain
     * name), or empty when the tenant has no kernel namespace.
     *
     * @throws SecurityException if the calling thread is not bound to that tenant (use {@link #control()})
     */
    public static Optional<Identity> kernelIdentity(String tenantId) {
        return kernelIdentity(null, tenantId);
    }

    /**
     * The inode of the caller's own tenant's kernel namespace (as {@code /proc/<pid>/task/<tid>/ns/uts}
     * names it), or empty when the tenant has none.
     *
     * @throws SecurityException if the calling thread is not bound to that tenant (use {@link #control()})
     */
    public static OptionalLong namespaceInode(String tenantId) {
        return namespaceInode(null, tenantId);
    }

    /**
     * The host's control capability: binding any thread to any tenant, work in any tenant's
     * namespace, adding and removing tenants. Issued <b>once</b> per JVM, to host code: the first call
     * from a thread that is not bound to a tenant, was not started by one, and has no tenant's classes
     * on its stack gets it; every later call, and every call from tenant code, is refused. Call it
     * early in the host's start-up, before tenants' code runs, and keep it private.
     *
     * @throws SecurityException     if it was issued already, or the caller is tenant code
     * @throws IllegalStateException if the agent is not attached
     */
    public static Uts4jControl control() {
        return new Uts4jControl(AgentBridge.call("control"));
    }

    static Optional<Identity> kernelIdentity(Object token, String tenantId) {
        String[] names = (String[]) AgentBridge.call("kernelNames", token, tenantId);
        return names == null ? Optional.empty() : Optional.of(new Identity(tenantId, names[0], names[1]));
    }

    static OptionalLong namespaceInode(Object token, String tenantId) {
        long inode = (Long) AgentBridge.call("inode", token, tenantId);
        return inode == 0 ? OptionalLong.empty() : OptionalLong.of(inode);
    }

    /** Without the agent: what the JDK says, as an unbound thread would see it with the agent. */
    private static Identity unattachedHost() {
        String hostname;
        try {
            hostname = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            hostname = InetAddress.getLoopbackAddress().getHostName();
        }
        String domain = null;
        try {
            String d = Files.readString(Path.of("/proc/sys/kernel/domainname"), StandardCharsets.UTF_8).trim();
            if (!d.isEmpty() && !d.equals("(none)")) domain = d;
        } catch (IOException | RuntimeException e) {
            // not Linux: no domain name
        }
        return new Identity(null, hostname, domain);
    }
}
