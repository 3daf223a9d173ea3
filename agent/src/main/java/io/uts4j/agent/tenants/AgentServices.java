package io.uts4j.agent.tenants;

import io.uts4j.agent.kernel.TenantNamespace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jServices;
import jdk.internal.misc.Uts4jTenant;

/**
 * What the bootstrap asks of the rest of the agent. The bootstrap has already decided that the
 * caller may ask (its own tenant, or the host's capability); this part does the work.
 */
public final class AgentServices implements Uts4jServices {
    private final TenantRegistry registry;

    public AgentServices(TenantRegistry registry) {
        this.registry = registry;
    }

    private TenantRuntime runtime(Uts4jTenant t) {
        TenantRuntime r = registry.runtime(t);
        if (r == null) throw new IllegalStateException("tenant '" + t.id() + "' has been removed");
        return r;
    }

    @Override
    public Process startProcess(Uts4jTenant tenant, ProcessBuilder builder) throws IOException {
        return ProcessLauncher.start(runtime(tenant), builder, Uts4jInstall.realEnvironment());
    }

    @Override
    public List<Process> startPipeline(Uts4jTenant tenant, List<ProcessBuilder> builders) throws IOException {
        return ProcessLauncher.startPipeline(runtime(tenant), builders, Uts4jInstall.realEnvironment());
    }

    @Override
    public String describeLoader(ClassLoader loader) {
        return LoaderNames.describe(loader);
    }

    @Override
    public Object callInNamespace(Uts4jTenant tenant, Callable<?> task) throws Exception {
        TenantNamespace ns = runtime(tenant).namespace();
        if (ns == null) throw new IllegalStateException("tenant '" + tenant.id() + "' has no kernel namespace");
        return ns.call(task);
    }

    @Override
    public String[] kernelNames(Uts4jTenant tenant) {
        TenantNamespace ns = runtime(tenant).namespace();
        return ns == null ? null : ns.kernelNames();
    }

    @Override
    public long inode(Uts4jTenant tenant) {
        TenantNamespace ns = runtime(tenant).namespace();
        return ns == null ? 0 : ns.inode();
    }

    @Override
    public void addTenant(String id, Map<String, String> settings) {
        registry.add(id, settings);
    }

    @Override
    public void removeTenant(String id) {
        registry.remove(id);
    }
}
