package io.uts4j.agent.tenants;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.agent.kernel.TenantNamespace;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import io.uts4j.agent.rules.RuleCompiler;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jRules;
import jdk.internal.misc.Uts4jTenant;
import jdk.internal.misc.Uts4jTenants;

/**
 * The tenants as they are now: the configured ones, then those added and removed at run time.
 * Each change builds a new, immutable tenant table and installs it whole. A tenant is made one way
 * whether it is configured or added ({@link #make}).
 */
public final class TenantRegistry {
    private final AgentConfig config;
    private final BiFunction<Thread, ClassLoader, String> resolver;
    private final Map<String, TenantRuntime> tenants = new LinkedHashMap<>(); // guarded by this
    private volatile Map<Uts4jTenant, TenantRuntime> byTenant = Map.of();
    private volatile TenantListener listener; // null until JMX listens

    public TenantRegistry(AgentConfig config, BiFunction<Thread, ClassLoader, String> resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /**
     * The configured tenants, with the kernel's outcome if it is known before main, or with their
     * namespaces still to come ({@link #namespacesAre}) when they are made while main starts.
     */
    public synchronized Uts4jTenants start(KernelSetup.Outcome kernel, boolean namespacesToCome) {
        for (TenantSpec s : config.tenants()) {
            TenantRuntime r = make(s, kernel.names().get(s.id()), false);
            if (!namespacesToCome || !KernelSetup.wanted(config.kernel(), List.of(s))) {
                r.namespaceIs(kernel.namespaces().get(s.id()));
            }
            tenants.put(s.id(), r);
        }
        return rebuild();
    }

    /** Settles the namespaces made while main started (null or missing: none). */
    public synchronized void namespacesAre(Map<String, TenantNamespace> made) {
        for (TenantRuntime r : tenants.values()) {
            if (!r.namespaceSettled()) r.namespaceIs(made.get(r.id()));
        }
    }

    /** One tenant, from its settings and, where a namespace decides them, its names. */
    private static TenantRuntime make(TenantSpec s, String[] names, boolean added) {
        String hostname = names != null ? names[0] : s.hostname();
        String domainname = names != null ? names[1] : s.domainname();
        Uts4jTenant t = new Uts4jTenant(s.id(), hostname, domainname, s.address(), s.env(), s.properties());
        return new TenantRuntime(s, t, added);
    }

    /** Called back as tenants come and go, for JMX. */
    public void listen(TenantListener l) {
        this.listener = l;
    }

    public synchronized List<TenantRuntime> all() {
        return new ArrayList<>(tenants.values());
    }

    /** The runtime of a tenant of the current table, or null (a tenant removed meanwhile). */
    public TenantRuntime runtime(Uts4jTenant t) {
        return byTenant.get(t);
    }

    public void add(String id, Map<String, String> settings) {
        TenantSpec spec;
        try {
            spec = config.tenantRules().parse(id, settings, "added at run time");
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (Uts4jInstall.isNamespaceThread(Thread.currentThread())) {
            throw new IllegalStateException("tenants cannot be added from inside a tenant's namespace");
        }
        TenantRuntime r;
        synchronized (this) {
            if (tenants.containsKey(id)) throw new IllegalArgumentException("tenant '" + id + "' exists already");
            KernelSetup.Outcome kernel;
            try {
                if (KernelSetup.wanted(config.kernel(), List.of(spec))) Uts4jInstall.startHostThreadStarter();
                kernel = KernelSetup.open(config.kernel(), List.of(spec));
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage());
            } catch (KernelSetup.Unavailable e) {
                throw new IllegalStateException(e.getMessage());
            }
            if (kernel.notice() != null) {
                System.err.println("uts4j: tenant '" + id + "' added without a kernel namespace: " + kernel.notice());
            }
            r = make(spec, kernel.names().get(id), true);
            r.namespaceIs(kernel.namespaces().get(id));
            tenants.put(id, r);
            rebuild();
        }
        TenantListener l = listener;
        if (l != null) l.added(r);
    }

    public void remove(String id) {
        TenantRuntime r;
        synchronized (this) {
            r = tenants.remove(id);
            if (r == null) throw new IllegalArgumentException("no tenant '" + id + "'; tenants: " + tenants.keySet());
            rebuild(); // first: no thread may reach the namespace once it closes
        }
        TenantNamespace ns = r.namespace();
        if (ns != null) ns.close();
        TenantListener l = listener;
        if (l != null) l.removed(id);
    }

    /** Builds the table of the tenants now and installs it. Guarded by this. */
    private Uts4jTenants rebuild() {
        List<Uts4jTenant> list = new ArrayList<>();
        Map<Uts4jTenant, TenantRuntime> index = new IdentityHashMap<>();
        // Per tier and kind, every tenant's rule at the tenant's index (null: none, or not of this tier).
        List<String> upperNames = new ArrayList<>();
        List<String> upperLoaders = new ArrayList<>();
        List<String> lowerNames = new ArrayList<>();
        List<String> lowerLoaders = new ArrayList<>();
        for (TenantRuntime r : tenants.values()) {
            boolean upper = !r.added() || config.addedClaim();
            upperNames.add(upper ? r.spec().threads() : null);
            upperLoaders.add(upper ? r.spec().loader() : null);
            lowerNames.add(upper ? null : r.spec().threads());
            lowerLoaders.add(upper ? null : r.spec().loader());
            list.add(r.tenant());
            index.put(r.tenant(), r);
        }
        Uts4jTenants table = new Uts4jTenants(list, rules(upperNames), rules(upperLoaders), rules(lowerNames),
                rules(lowerLoaders), resolver);
        byTenant = index;
        if (Uts4jInstall.started()) Uts4jInstall.replace(table);
        return table;
    }

    /** All rules of one tier and kind compiled into one matcher; none when no tenant has such a rule. */
    private static Uts4jRules rules(List<String> rules) {
        for (String r : rules) {
            if (r != null) return new Uts4jRules(RuleCompiler.compile(rules)); // each rule was checked when parsed
        }
        return Uts4jRules.none();
    }

    /** Whether any tenant has a namespace still being made. */
    public synchronized boolean namespacesPending() {
        for (TenantRuntime r : tenants.values()) {
            if (!r.namespaceSettled()) return true;
        }
        return false;
    }

    public KernelMode kernelMode() {
        return config.kernel();
    }
}
