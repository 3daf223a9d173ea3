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
    static final TenantTable EMPTY = new TenantTable(List.of());

    private final Map<String, Tenant> byId;
    private final Tenant[] nameRuled; // tenants with a thread-name rule, in declaration order
    private final Set<String> envKeys;
    private final Set<String> propertyKeys;

    public TenantTable(List<Tenant> tenants) {
        Map<String, Tenant> ids = new LinkedHashMap<>();
        Set<String> env = new HashSet<>();
        Set<String> props = new HashSet<>();
        int ruled = 0;
        for (Tenant t : tenants) {
            if (ids.put(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate tenant id " + t.id());
            }
            env.addAll(t.envOverrides().keySet());
            props.addAll(t.propertyOverrides().keySet());
            if (t.threadNames() != null) ruled++;
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.nameRuled = new Tenant[ruled];
        int i = 0;
        for (Tenant t : tenants) {
            if (t.threadNames() != null) nameRuled[i++] = t;
        }
        this.envKeys = Set.copyOf(env);
        this.propertyKeys = Set.copyOf(props);
    }

    public boolean isEmpty() { return byId.isEmpty(); }
    public Tenant get(String id) { return byId.get(id); }
    public java.util.Collection<Tenant> tenants() { return byId.values(); }
    boolean contains(Tenant t) { return t != null && byId.get(t.id()) == t; }
    public boolean hasNameRules() { return nameRuled.length > 0; }
    boolean overridesEnv(String key) { return envKeys.contains(key); }
    boolean overridesProperty(String key) { return !propertyKeys.isEmpty() && propertyKeys.contains(key); }

    /** The first tenant, in declaration order, whose thread-name rule matches the whole name. */
    Tenant matchThreadName(String name) {
        for (Tenant t : nameRuled) {
            if (t.threadNames().matcher(name).matches()) return t;
        }
        return null;
    }
}
