package io.uts4j.agent.jmx;

/** One tenant, as {@code io.uts4j:type=Tenant,name=<id>}. */
public interface TenantMXBean {
    String getId();

    String getHostname();

    /** The domain name, or an empty string when none is set. */
    String getDomainname();

    /** The inode of the tenant's kernel UTS namespace; 0 when it has none. */
    long getNamespaceInode();

    /** What the kernel holds for the tenant now; empty when it has no namespace. */
    String getKernelHostname();

    long getProcessesLaunched();

    /** Tasks handed to the tenant's dedicated threads (process launches, callInNamespace). */
    long getHandoffCount();

    long getHandoffP50Micros();

    long getHandoffP99Micros();

    long getHandoffMaxMicros();
}
