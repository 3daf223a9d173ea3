package io.uts4j.agent.jmx;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.kernel.DeferredKernel;
import io.uts4j.agent.kernel.KernelNamespace;
import io.uts4j.bootstrap.Counters;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantAdmin;
import java.util.List;
import java.util.function.Supplier;

/** {@link AgentMXBean} over the live agent. */
final class AgentInfo implements AgentMXBean {
    private final String version;
    private final boolean kernelOff;
    private final Supplier<List<Tenant>> tenants;
    private final TenantAdmin admin;
    private final List<String> methods;

    AgentInfo(String version, boolean kernelOff, Supplier<List<Tenant>> tenants, TenantAdmin admin,
              List<String> methods) {
        this.version = version;
        this.kernelOff = kernelOff;
        this.tenants = tenants;
        this.admin = admin;
        this.methods = methods;
    }

    @Override public String getVersion() { return version; }

    @Override
    public String getKernelMode() {
        if (kernelOff) return "off";
        boolean pending = false;
        for (Tenant t : tenants.get()) {
            if (t.namespace() instanceof KernelNamespace) return "on";
            pending |= t.namespace() instanceof DeferredKernel.Pending;
        }
        return pending ? "starting" : "unavailable";
    }

    @Override
    public String[] getTenants() {
        return tenants.get().stream().map(Tenant::id).toArray(String[]::new);
    }

    @Override public String[] getInstrumentedMethods() { return methods.toArray(new String[0]); }
    @Override public long getDeniedRebinds() { return Counters.DENIED_REBINDS.sum(); }

    @Override
    public void addTenant(String id, String settings) {
        try {
            admin.add(id, AgentConfig.parseSettings(settings));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void removeTenant(String id) {
        admin.remove(id);
    }
}
