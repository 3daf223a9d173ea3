package io.uts4j.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
        return new Uts4jTenants(tenants, threadRules.toArray(new String[0]), loaderRules.toArray(new String[0]),
                upperTenants < 0 ? tenants.size() : upperTenants, resolver);
    }
}
