package jdk.internal.misc;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An immutable snapshot of the tenants with what the fast path needs precomputed: which keys any
 * tenant overrides (with indexes into each tenant's {@link Uts4jAnswers}), and the tenants' rules,
 * matched all at once. Replaced as a whole, never mutated, so a reader sees one consistent set.
 *
 * <p>Rules come in two tiers. The upper tier (configured tenants, and added ones when the operator
 * lets them claim threads) ranks above inheritance; the lower tier (tenants added at run time)
 * binds only threads that nothing else binds, so that an added tenant cannot take another
 * tenant's threads.
 */
public final class Uts4jTenants {
    static final Uts4jTenants EMPTY = new Uts4jTenants(List.of(), Uts4jRules.NONE, Uts4jRules.NONE,
            Uts4jRules.NONE, Uts4jRules.NONE, null);

    private final Map<String, Uts4jTenant> byId;
    private final Map<Uts4jTenant, Uts4jAnswers> answers;
    final Uts4jKeys propertyKeys;
    final Uts4jKeys envKeys;
    private final Tier upper;
    private final Tier lower;
    private final BiFunction<Thread, ClassLoader, String> resolver; // null: none
    /** Whether a thread's name or context class loader can bind it: any rule, or a resolver. */
    final boolean hasRules;
    /** Whether the context class loader matters (loader rules or a resolver). */
    final boolean loaderMatters;

    /**
     * @param tenants       in declaration order
     * @param upperNames    thread-name rules of the tenants that rank above inheritance, indexed as {@code tenants}
     * @param upperLoaders  their context-class-loader rules, likewise
     * @param lowerNames    thread-name rules of the tenants added at run time that rank below it
     * @param lowerLoaders  their loader rules
     * @param resolver      (thread, context class loader) to a tenant id or null; null for none
     */
    public Uts4jTenants(List<Uts4jTenant> tenants, Uts4jRules upperNames, Uts4jRules upperLoaders,
                        Uts4jRules lowerNames, Uts4jRules lowerLoaders, BiFunction<Thread, ClassLoader, String> resolver) {
        Map<String, Uts4jTenant> ids = new LinkedHashMap<>();
        Set<String> props = new LinkedHashSet<>();
        Set<String> env = new LinkedHashSet<>();
        for (Uts4jTenant t : tenants) {
            if (ids.put(t.id(), t) != null) throw new IllegalArgumentException("duplicate tenant id " + t.id());
            props.addAll(t.propertyOverrides().keySet());
            env.addAll(t.envOverrides().keySet());
        }
        byId = Collections.unmodifiableMap(ids);
        propertyKeys = new Uts4jKeys(props);
        envKeys = new Uts4jKeys(env);
        Map<Uts4jTenant, Uts4jAnswers> a = new IdentityHashMap<>();
        for (Uts4jTenant t : tenants) a.put(t, new Uts4jAnswers(t, this, propertyKeys, envKeys));
        answers = a;
        Uts4jTenant[] all = tenants.toArray(new Uts4jTenant[0]);
        upper = new Tier(all, upperNames, upperLoaders);
        lower = new Tier(all, lowerNames, lowerLoaders);
        this.resolver = resolver;
        hasRules = resolver != null || !upper.isEmpty() || !lower.isEmpty();
        loaderMatters = resolver != null || upper.loaders != Uts4jRules.NONE || lower.loaders != Uts4jRules.NONE;
    }

    public boolean isEmpty() { return byId.isEmpty(); }
    public Uts4jTenant get(String id) { return id == null ? null : byId.get(id); }
    public Collection<Uts4jTenant> tenants() { return byId.values(); }
    boolean contains(Uts4jTenant t) { return t != null && byId.get(t.id()) == t; }
    BiFunction<Thread, ClassLoader, String> resolver() { return resolver; }
    Tier upper() { return upper; }
    Tier lower() { return lower; }

    /** Whether a loader rule binds threads to the tenant: then its code is told apart by its classes' loader. */
    boolean hasLoaderRule(Uts4jTenant t) {
        return upper.hasLoaderRule(t) || lower.hasLoaderRule(t);
    }

    /** The tenant's answers under this table, or null for the host (or a tenant no longer here). */
    Uts4jAnswers answers(Uts4jTenant t) {
        return t == null ? null : answers.get(t);
    }

    /** One tier's rules, matched all at once, each result mapped back to its tenant. */
    static final class Tier {
        final Uts4jRules names;
        final Uts4jRules loaders;
        private final Uts4jTenant[] tenants;

        Tier(Uts4jTenant[] tenants, Uts4jRules names, Uts4jRules loaders) {
            this.tenants = tenants;
            this.names = names.isEmpty() ? Uts4jRules.NONE : names;
            this.loaders = loaders.isEmpty() ? Uts4jRules.NONE : loaders;
        }

        boolean isEmpty() {
            return names == Uts4jRules.NONE && loaders == Uts4jRules.NONE;
        }

        boolean hasLoaderRule(Uts4jTenant t) {
            for (int i = 0; i < tenants.length; i++) {
                if (tenants[i] == t) return loaders.hasRule(i);
            }
            return false;
        }

        Uts4jTenant matchName(String name) {
            if (names == Uts4jRules.NONE || name == null) return null;
            int i = names.firstMatch(name);
            return i < 0 ? null : tenants[i];
        }

        /**
         * The first tenant whose loader rule matches the loader or, failing that, each of its parents
         * in turn; the JDK's own application and platform loaders match only as the loader itself, as
         * every other loader descends from them.
         */
        Uts4jTenant matchLoader(ClassLoader loader) {
            if (loaders == Uts4jRules.NONE) return null;
            ClassLoader app = ClassLoader.getSystemClassLoader();
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                if (l != loader && (l == app || l == platform)) break;
                int i = loaders.firstMatch(Uts4jLoaderNames.describe(l));
                if (i >= 0) return tenants[i];
            }
            return null;
        }
    }
}
