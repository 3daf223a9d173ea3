package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import io.uts4j.it.webapp.Outcome;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * With a configured resolver ({@link PrefixResolver}: via-resolver-* is alpha) and a rule (b-*):
 * code on a thread the resolver binds asks for the host's capability and administers through JMX
 * (it is alpha's code: both refused); then the host takes its capability, the resolver still binds
 * its threads — also as the server's code on them renames them — and the host enters a tenant on a
 * thread a rule binds to another.
 */
public final class ResolverHostCheck {
    public static void main(String[] args) throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName agent = new ObjectName("io.uts4j:type=Agent");
        for (int i = 0; i < 300 && !jmx.isRegistered(agent); i++) Thread.sleep(100);
        Map<String, String> m = new LinkedHashMap<>();
        try (Worker byResolver = new Worker("via-resolver-1", null); Worker byRule = new Worker("b-1", null)) {
            m.put("controlOnAResolverBoundThread", Outcome.of(() -> byResolver.call(Uts4j::control)));
            m.put("jmxOnAResolverBoundThread", Outcome.of(() -> byResolver.call(() -> jmx.invoke(agent, "addTenant",
                    new Object[] {"evil", "hostname=evil"}, new String[] {String.class.getName(), String.class.getName()}))));
            Uts4jControl[] control = new Uts4jControl[1];
            m.put("control", Outcome.of(() -> control[0] = Host.control()));
            m.put("byResolver", Outcome.of(() -> byResolver.call(TenantWatch::sees)));
            m.put("byRule", Outcome.of(() -> byRule.call(TenantWatch::sees)));
            m.put("hostEntersAlphaOnARuleBoundThread", Outcome.of(() -> byRule.call(
                    () -> control[0].callAs("alpha", TenantWatch::sees))));
            m.put("tenants", Outcome.of(() -> String.join(",", control[0].tenants())));
            // The server's code on a thread its resolver binds moves it, as between two requests.
            m.put("renamedOnTheThreadItself", Outcome.of(() -> byResolver.call(() -> {
                Thread.currentThread().setName("other-1");
                String away = TenantWatch.sees();
                Thread.currentThread().setName("via-resolver-2");
                return away + "|" + TenantWatch.sees();
            })));
        }
        Report.print("resolver", m);
    }
}
