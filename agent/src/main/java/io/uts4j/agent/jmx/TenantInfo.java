package io.uts4j.agent.jmx;

import io.uts4j.agent.kernel.Latency;
import io.uts4j.agent.kernel.TenantNamespace;
import io.uts4j.agent.tenants.TenantRuntime;

/** {@link TenantMXBean} over a live tenant. */
final class TenantInfo implements TenantMXBean {
    private static final Latency NONE = new Latency();
    private final TenantRuntime tenant;

    TenantInfo(TenantRuntime tenant) {
        this.tenant = tenant;
    }

    private Latency handoff() {
        TenantNamespace ns = tenant.namespace();
        return ns != null ? ns.handoff() : NONE;
    }

    @Override public String getId() { return tenant.id(); }
    @Override public String getHostname() { return tenant.tenant().hostname(); }
    @Override public String getDomainname() { return tenant.tenant().domainname() == null ? "" : tenant.tenant().domainname(); }

    @Override
    public long getNamespaceInode() {
        TenantNamespace ns = tenant.namespace();
        return ns == null ? 0 : ns.inode();
    }

    @Override
    public String getKernelHostname() {
        TenantNamespace ns = tenant.namespace();
        return ns == null ? "" : ns.kernelNames()[0];
    }

    @Override public long getProcessesLaunched() { return tenant.processesLaunched(); }
    @Override public long getHandoffCount() { return handoff().count(); }
    @Override public long getHandoffP50Micros() { return handoff().percentileMicros(0.50); }
    @Override public long getHandoffP99Micros() { return handoff().percentileMicros(0.99); }
    @Override public long getHandoffMaxMicros() { return handoff().maxMicros(); }
}
