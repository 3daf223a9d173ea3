package io.uts4j.bootstrap;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the configured tenants, with what the fast path needs precomputed:
 * which environment and property keys any tenant overrides, and whether any thread-name rule
 * exists. Replaced as a whole, never mutated, so a reader sees one consistent set.
 */
public final class TenantTable {
    static final TenantTable EMPTY = new TenantTable(List.of(), null);

    private final Map<String, Tenant> byId;
    private final Tenant[] nameRuled; // tenants with a thread-name rule, in declaration order
    private final Tenant[] loaderRuled; // tenants with a context-class-loader rule, in declaration order
    private final io.uts4j.TenantResolver resolver; // null: none
    private final Set<String> envKeys;
    private final Set<String> propertyKeys;

    public TenantTable(List<Tenant> tenants, io.uts4j.TenantResolver resolver) {
        this.resolver = resolver;
        Map<String, Tenant> ids = new LinkedHashMap<>();
        Set<String> env = new HashSet<>();
        Set<String> props = new HashSet<>();
        List<Tenant> byName = new java.util.ArrayList<>();
        List<Tenant> byLoader = new java.util.ArrayList<>();
        for (Tenant t : tenants) {
            if (ids.put(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate tenant id " + t.id());
            }
            env.addAll(t.envOverrides().keySet());
            props.addAll(t.propertyOverrides().keySet());
            if (t.threadNames() != null) byName.add(t);
            if (t.loaders() != null) byLoader.add(t);
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.nameRuled = byName.toArray(new Tenant[0]);
        this.loaderRuled = byLoader.toArray(new Tenant[0]);
        this.envKeys = Set.copyOf(env);
        this.propertyKeys = Set.copyOf(props);
    }

    public boolean isEmpty() { return byId.isEmpty(); }
    public Tenant get(String id) { return byId.get(id); }
    public java.util.Collection<Tenant> tenants() { return byId.values(); }
    boolean contains(Tenant t) { return t != null && byId.get(t.id()) == t; }
    /** Whether a thread's name or context class loader can bind it: any rule, or a resolver. */
    public boolean hasRules() { return nameRuled.length > 0 || loaderRules(); }
    /** Whether the context class loader matters (loader rules or a resolver). */
    boolean loaderRules() { return loaderRuled.length > 0 || resolver != null; }
    io.uts4j.TenantResolver resolver() { return resolver; }
    boolean overridesEnv(String key) { return envKeys.contains(key); }
    boolean overridesProperty(String key) { return !propertyKeys.isEmpty() && propertyKeys.contains(key); }

    /**
     * The first tenant, in declaration order, whose loader rule matches the context class loader or
     * one of its parents; the JDK's own application and platform loaders match only as the context
     * class loader itself, as every other loader descends from them.
     */
    Tenant matchLoader(ClassLoader contextLoader) {
        if (loaderRuled.length == 0) return null;
        ClassLoader app = ClassLoader.getSystemClassLoader();
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        for (ClassLoader l = contextLoader; l != null; l = l.getParent()) {
            if (l != contextLoader && (l == app || l == platform)) break;
            String description = LoaderNames.describe(l);
            for (Tenant t : loaderRuled) {
                if (t.loaders().matcher(description).matches()) return t;
            }
        }
        return null;
    }

    /** The first tenant, in declaration order, whose thread-name rule matches the whole name. */
    Tenant matchThreadName(String name) {
        for (Tenant t : nameRuled) {
            if (t.threadNames().matcher(name).matches()) return t;
        }
        return null;
    }
}
