package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tenant b's threads, one bound by b's own rule (b-1) and one by inheritance (x-1, started by
 * b-1's code), and a thread nothing binds (x-2, the host's); then the host adds tenant evil whose
 * rule matches all three names. Prints what each sees before and after, as {@code @claim} lines.
 */
public final class AddedTenantClaimCheck {
    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        Map<String, String> m = new LinkedHashMap<>();
        try (Worker byRule = new Worker("b-1", null);
             Worker inherited = byRule.call(() -> new Worker("x-1", null));
             Worker unbound = new Worker("x-2", null)) {
            m.put("before.byRule", byRule.call(TenantWatch::sees));
            m.put("before.inherited", inherited.call(TenantWatch::sees));
            m.put("before.unbound", unbound.call(TenantWatch::sees));
            control.addTenant("evil", Map.of("hostname", "evil-1", "threads", "(b|x)-.*"));
            m.put("after.byRule", byRule.call(TenantWatch::sees));
            m.put("after.inherited", inherited.call(TenantWatch::sees));
            m.put("after.unbound", unbound.call(TenantWatch::sees));
        }
        Report.print("claim", m);
    }
}
