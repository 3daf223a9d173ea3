package io.uts4j.bootstrap;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A tenant's kernel UTS namespace, as the bootstrap part sees it: work handed to threads that live
 * inside it. Implemented by the agent, which keeps the kernel details (and JNA) to itself.
 */
public interface TenantNamespace {
    /**
     * Starts the process from a thread inside the namespace (on the calling thread if the tenant
     * turned out to have none); what {@code start()} throws, it throws.
     */
    Process start(ProcessBuilder builder) throws IOException;

    /** {@link ProcessBuilder#startPipeline} from a thread inside the namespace. */
    List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException;

    /**
     * Runs a task on a thread inside the namespace and waits for it; its exception is rethrown.
     *
     * @throws IllegalStateException if the tenant turned out to have no namespace after all
     */
    <T> T call(Callable<T> task) throws Exception;

    /** The namespace's inode (its identity, as {@code /proc/<tid>/ns/uts} shows it), or 0 if it has none after all. */
    long inode();

    /**
     * What the kernel holds now: {hostname, domainname}, the domain name null when it is
     * {@code (none)}; null if the tenant turned out to have no namespace after all.
     */
    String[] kernelNames();
}
