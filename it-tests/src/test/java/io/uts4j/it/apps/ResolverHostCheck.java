package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import io.uts4j.it.webapp.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With a configured resolver ({@link PrefixResolver}: via-resolver-* is alpha) and a rule (b-*):
 * the host takes its capability first, the resolver binds its threads, and the host enters a
 * tenant on a thread a rule binds to another.
 */
public final class ResolverHostCheck {
    public static void main(String[] args) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        Uts4jControl[] control = new Uts4jControl[1];
        m.put("control", Outcome.of(() -> control[0] = Host.control()));
        try (Worker byResolver = new Worker("via-resolver-1", null); Worker byRule = new Worker("b-1", null)) {
            m.put("byResolver", Outcome.of(() -> byResolver.call(TenantWatch::sees)));
            m.put("byRule", Outcome.of(() -> byRule.call(TenantWatch::sees)));
            m.put("hostEntersAlphaOnARuleBoundThread", Outcome.of(() -> byRule.call(
                    () -> control[0].callAs("alpha", TenantWatch::sees))));
        }
        Report.print("resolver", m);
    }
}
