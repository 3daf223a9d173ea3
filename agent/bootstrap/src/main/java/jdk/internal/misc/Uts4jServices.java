package jdk.internal.misc;

import java.io.IOException;
import java.util.List;

/**
 * What the bootstrap asks of the rest of the agent (its isolated part, which implements this):
 * everything that is more than answering a JDK call from the tables — launching processes inside
 * namespaces, describing class loaders, and the operations of the API that change things.
 */
public interface Uts4jServices {
    /** Starts a bound thread's process as its tenant's (inside its namespace, with its environment). */
    Process startProcess(Uts4jTenant tenant, ProcessBuilder builder) throws IOException;

    /** As {@link #startProcess}, for {@code ProcessBuilder.startPipeline}. */
    List<Process> startPipeline(Uts4jTenant tenant, List<ProcessBuilder> builders) throws IOException;

    /** The text a loader rule is matched against, for this class loader. */
    String describeLoader(ClassLoader loader);

    /** Runs a task on a thread inside the tenant's namespace. @throws IllegalStateException if it has none */
    Object callInNamespace(Uts4jTenant tenant, java.util.concurrent.Callable<?> task) throws Exception;

    /** {hostname, domain name or null} as the tenant's namespace holds them now, or null without one. */
    String[] kernelNames(Uts4jTenant tenant);

    /** The tenant's namespace inode, or 0 without one. */
    long inode(Uts4jTenant tenant);

    /** Adds a tenant: the settings as in the configuration, without the {@code tenant.<id>.} prefix. */
    void addTenant(String id, java.util.Map<String, String> settings);

    /** Removes a tenant. @throws IllegalArgumentException if there is none with that id */
    void removeTenant(String id);
}
