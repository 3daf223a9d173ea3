package io.uts4j.agent.jmx;

import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.config.SettingsText;
import io.uts4j.agent.tenants.TenantRegistry;
import io.uts4j.agent.tenants.TenantRuntime;
import java.util.List;
import jdk.internal.misc.Uts4jInstall;

/** {@link AgentMXBean} over the live agent. */
final class AgentInfo implements AgentMXBean {
    private final String version;
    private final TenantRegistry registry;
    private final List<String> methods;

    AgentInfo(String version, TenantRegistry registry, List<String> methods) {
        this.version = version;
        this.registry = registry;
        this.methods = methods;
    }

    @Override public String getVersion() { return version; }

    @Override
    public String getKernelMode() {
        if (registry.kernelMode() == KernelMode.OFF) return "off";
        if (registry.namespacesPending()) return "starting";
        for (TenantRuntime t : registry.all()) {
            if (t.namespace() != null) return "on";
        }
        return "unavailable";
    }

    @Override
    public String[] getTenants() {
        List<TenantRuntime> all = registry.all();
        String[] ids = new String[all.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = all.get(i).id();
        return ids;
    }

    @Override public String[] getInstrumentedMethods() { return methods.toArray(new String[0]); }
    @Override public long getRefusedOperations() { return Uts4jInstall.refusals(); }

    @Override
    public void addTenant(String id, String settings) {
        Uts4jInstall.requireHostCode("JMX addTenant");
        try {
            registry.add(id, SettingsText.parse(settings));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void removeTenant(String id) {
        Uts4jInstall.requireHostCode("JMX removeTenant");
        registry.remove(id);
    }
}
