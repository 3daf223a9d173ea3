package io.uts4j.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import io.uts4j.agent.rules.RuleCompiler;
import jdk.internal.misc.Uts4jRules;
import jdk.internal.misc.Uts4jTenant;
import jdk.internal.misc.Uts4jTenants;

/** Builds a tenant table as the agent's registry does: tenants in declaration order, each with its rules. */
final class Table {
    private final List<Uts4jTenant> tenants = new ArrayList<>();
    private final List<String> threadRules = new ArrayList<>();
    private final List<String> loaderRules = new ArrayList<>();
    private int upperTenants = -1; // -1: every tenant is a configured one
    private BiFunction<Thread, ClassLoader, String> resolver;

    /** A tenant with a distinct hostname and address, and no overrides. */
    static Uts4jTenant tenant(String id) {
        return new Uts4jTenant(id, id + "-host", null, new byte[] {10, 0, 0, 1}, Map.of(), Map.of());
    }

    /** A configured tenant (or, after {@link #addedAtRunTime}, an added one); null rules for none. */
    Table with(Uts4jTenant tenant, String threadRule, String loaderRule) {
        tenants.add(tenant);
        threadRules.add(threadRule);
        loaderRules.add(loaderRule);
        return this;
    }

    /** The tenants declared from now on were added at run time: the lower tier. */
    Table addedAtRunTime() {
        upperTenants = tenants.size();
        return this;
    }

    Table resolver(BiFunction<Thread, ClassLoader, String> r) {
        resolver = r;
        return this;
    }

    Uts4jTenants build() {
        int upper = upperTenants < 0 ? tenants.size() : upperTenants;
        return new Uts4jTenants(tenants, rules(threadRules, 0, upper), rules(loaderRules, 0, upper),
                rules(threadRules, upper, tenants.size()), rules(loaderRules, upper, tenants.size()), resolver);
    }

    /** The rules of tenants [from, to) compiled as the registry compiles them: indexed as the tenants, others null. */
    private List<String> tier(List<String> rules, int from, int to) {
        List<String> tier = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) tier.add(i >= from && i < to ? rules.get(i) : null);
        return tier;
    }

    private Uts4jRules rules(List<String> all, int from, int to) {
        List<String> tier = tier(all, from, to);
        for (String r : tier) {
            if (r != null) return new Uts4jRules(RuleCompiler.compile(tier));
        }
        return Uts4jRules.none();
    }
}
