package jdk.internal.misc;

import java.util.ArrayList;
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
    static final Uts4jTenants EMPTY = new Uts4jTenants(List.of(), new String[0], new String[0], 0, null);

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
     * @param threadRules   each tenant's thread-name rule (a whole-match regex), or null
     * @param loaderRules   each tenant's context-class-loader rule, or null
     * @param upperTenants  how many tenants, from the first, rank above inheritance
     * @param resolver      (thread, context class loader) to a tenant id or null; null for none
     */
    public Uts4jTenants(List<Uts4jTenant> tenants, String[] threadRules, String[] loaderRules, int upperTenants,
                        BiFunction<Thread, ClassLoader, String> resolver) {
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
        upper = new Tier(tenants, threadRules, loaderRules, 0, upperTenants);
        lower = new Tier(tenants, threadRules, loaderRules, upperTenants, tenants.size());
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
        for (Uts4jTenant each : upper.loaderTenants) if (each == t) return true;
        for (Uts4jTenant each : lower.loaderTenants) if (each == t) return true;
        return false;
    }

    /** The tenant's answers under this table, or null for the host (or a tenant no longer here). */
    Uts4jAnswers answers(Uts4jTenant t) {
        return t == null ? null : answers.get(t);
    }

    /** One tier's rules, matched all at once, each result mapped back to its tenant. */
    static final class Tier {
        final Uts4jRules names;
        final Uts4jTenant[] nameTenants;
        final Uts4jRules loaders;
        final Uts4jTenant[] loaderTenants;

        Tier(List<Uts4jTenant> tenants, String[] threadRules, String[] loaderRules, int from, int to) {
            List<String> n = new ArrayList<>();
            List<Uts4jTenant> nt = new ArrayList<>();
            List<String> l = new ArrayList<>();
            List<Uts4jTenant> lt = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (threadRules[i] != null) {
                    n.add(threadRules[i]);
                    nt.add(tenants.get(i));
                }
                if (loaderRules[i] != null) {
                    l.add(loaderRules[i]);
                    lt.add(tenants.get(i));
                }
            }
            names = n.isEmpty() ? Uts4jRules.NONE : new Uts4jRules(n.toArray(new String[0]));
            nameTenants = nt.toArray(new Uts4jTenant[0]);
            loaders = l.isEmpty() ? Uts4jRules.NONE : new Uts4jRules(l.toArray(new String[0]));
            loaderTenants = lt.toArray(new Uts4jTenant[0]);
        }

        boolean isEmpty() {
            return names == Uts4jRules.NONE && loaders == Uts4jRules.NONE;
        }

        Uts4jTenant matchName(String name) {
            if (names == Uts4jRules.NONE || name == null) return null;
            int i = names.firstMatch(name);
            return i < 0 ? null : nameTenants[i];
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
                if (i >= 0) return loaderTenants[i];
            }
            return null;
        }
    }
}
