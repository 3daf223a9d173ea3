package io.uts4j.agent;

import io.uts4j.TenantResolver;
import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.agent.kernel.DeferredKernel;
import io.uts4j.agent.kernel.KernelNamespace;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.bootstrap.Dispatcher;
import io.uts4j.bootstrap.HostThreadStarter;
import io.uts4j.bootstrap.NamespaceThread;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantAdmin;
import io.uts4j.bootstrap.TenantTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.uts4j.agent.jmx.TenantListener;
import java.util.function.Supplier;

/**
 * The tenants as they are now: the configured ones, then those added and removed at run time
 * (through the API or JMX). Each change builds a new tenant table and installs it whole.
 */
final class TenantRegistry implements TenantAdmin, Supplier<List<Tenant>> {
    private final AgentConfig config;
    private final TenantResolver resolver;
    private final Map<String, TenantSpec> specs = new LinkedHashMap<>();
    private final Map<String, Tenant> tenants = new LinkedHashMap<>();
    private volatile TenantListener listener; // null until JMX listens

    TenantRegistry(AgentConfig config, TenantResolver resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /** The configured tenants, with the namespaces opened for them before main (if any). */
    synchronized TenantTable start(KernelSetup.Outcome kernel) {
        TenantTable table = Tenants.table(config.tenants(), kernel, resolver);
        for (TenantSpec s : config.tenants()) specs.put(s.id(), s);
        for (Tenant t : table.tenants()) tenants.put(t.id(), t);
        return table;
    }

    /** Called back as tenants come and go, for JMX. */
    void listen(TenantListener l) {
        this.listener = l;
    }

    synchronized List<Tenant> tenants() {
        return new ArrayList<>(tenants.values());
    }

    @Override
    public List<Tenant> get() {
        return tenants();
    }

    @Override
    public void add(String id, Map<String, String> settings) {
        TenantSpec spec;
        try {
            spec = AgentConfig.parseTenant(id, settings, "added at run time");
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Tenant t;
        synchronized (this) {
            if (specs.containsKey(id)) throw new IllegalArgumentException("tenant '" + id + "' exists already");
            KernelNamespace ns = namespaceFor(spec);
            // An adopted namespace (no hostname given) names the tenant, as at start-up.
            String[] names = ns != null && spec.hostname() == null ? ns.kernelNames()
                    : new String[] {spec.hostname(), spec.domainname()};
            t = new Tenant(id, names[0], names[1], spec.address(),
                    spec.threads(), spec.loader(), spec.env(), spec.properties());
            if (ns != null) ns.attachTo(t);
            specs.put(id, spec);
            tenants.put(id, t);
            install();
        }
        TenantListener l = listener;
        if (l != null) l.added(t);
    }

    @Override
    public void remove(String id) {
        Tenant t;
        synchronized (this) {
            t = tenants.remove(id);
            if (t == null) throw new IllegalArgumentException("no tenant '" + id + "'; tenants: " + tenants.keySet());
            specs.remove(id);
            install(); // first: no thread may reach the namespace once it closes
        }
        if (t.namespace() instanceof DeferredKernel.Pending) ((DeferredKernel.Pending) t.namespace()).awaitReady();
        if (t.namespace() instanceof KernelNamespace) ((KernelNamespace) t.namespace()).close();
        t.attachNamespace(null);
        TenantListener l = listener;
        if (l != null) l.removed(id);
    }

    private void install() {
        Dispatcher.replace(new TenantTable(new ArrayList<>(tenants.values()), resolver));
    }

    private KernelNamespace namespaceFor(TenantSpec spec) {
        if (config.kernel() == KernelMode.OFF || spec.namespace().equals(TenantSpec.NAMESPACE_NONE)) return null;
        if (Thread.currentThread() instanceof NamespaceThread) {
            throw new IllegalStateException("tenants cannot be added from inside a tenant's namespace");
        }
        HostThreadStarter.startFromHost(); // from this host thread, if not yet running
        AgentConfig one = new AgentConfig(config.kernel(), List.of(spec), null, false, null);
        try {
            KernelSetup.Outcome o = KernelSetup.open(one);
            if (o.notice() != null) return null; // kernel=auto and no kernel mode here: Java-level, as at start
            return o.namespaces().get(spec.id());
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (KernelSetup.Unavailable e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
