package io.uts4j.it.webapp;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tenant code administering uts4j without the host's capability: through the agent's JMX
 * operations ({@code jmx.*}), and straight through the bridge every copy of the API calls, which
 * the public class {@code io.uts4j.link.AgentLink} hands to anyone ({@code bridge.*}), with no
 * token or a forged one.
 */
final class AdminAttempts {
    static final List<String> ROUTES = List.of("jmx.addTenant", "jmx.removeTenant", "jmx.addTenantFromFinalizer",
            "bridge.enter", "bridge.enterAs", "bridge.addTenant", "bridge.addTenantWithoutToken",
            "bridge.removeTenant", "bridge.control", "bridge.callInNamespace", "bridge.tenants", "bridge.issuedField");
    private static final String[] TWO_STRINGS = {String.class.getName(), String.class.getName()};

    private AdminAttempts() {}

    static Object attempt(String route, String other) throws Exception {
        switch (route) {
            case "jmx.addTenant":
                return addThroughJmx("evil-jmx", other);
            case "jmx.removeTenant":
                return jmx().invoke(agent(), "removeTenant", new Object[] {other}, new String[] {String.class.getName()});
            case "jmx.addTenantFromFinalizer":
                return CapabilityAttempts.inFinalizer(() -> addThroughJmx("evil-finalizer", other));
            case "bridge.enter":
                return bridge().apply("enter", new Object[] {other});
            case "bridge.enterAs":
                return bridge().apply("enterAs", new Object[] {new Object(), other});
            case "bridge.addTenant":
                return bridge().apply("addTenant", new Object[] {new Object(), "evil-bridge", claiming(other)});
            case "bridge.addTenantWithoutToken":
                return bridge().apply("addTenant", new Object[] {null, "evil-bridge", claiming(other)});
            case "bridge.removeTenant":
                return bridge().apply("removeTenant", new Object[] {new Object(), other});
            case "bridge.control":
                return bridge().apply("control", new Object[0]);
            case "bridge.callInNamespace":
                return bridge().apply("callInNamespace", new Object[] {null, other, (Callable<Object>) TenantAttempts::whoAmI});
            case "bridge.tenants":
                return String.join(",", (String[]) bridge().apply("tenants", new Object[] {null}));
            case "bridge.issuedField": {
                // The token the host holds lives in a private field of the bridge, inside java.base.
                var field = bridge().getClass().getDeclaredField("issued");
                field.setAccessible(true);
                return field.get(null);
            }
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    private static Object addThroughJmx(String id, String other) throws Exception {
        return jmx().invoke(agent(), "addTenant", new Object[] {id, "hostname=" + id + ",threads=" + other + "-.*"},
                TWO_STRINGS);
    }

    /** Settings of a tenant that would take the other tenant's threads. */
    private static Map<String, String> claiming(String other) {
        return Map.of("hostname", "evil-bridge", "threads", other + "-.*");
    }

    @SuppressWarnings("unchecked")
    static BiFunction<String, Object[], Object> bridge() throws Exception {
        Class<?> link = Class.forName("io.uts4j.link.AgentLink", true, null);
        return (BiFunction<String, Object[], Object>) link.getMethod("bridge").invoke(null);
    }

    static MBeanServer jmx() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    static ObjectName agent() throws Exception {
        return new ObjectName("io.uts4j:type=Agent");
    }
}
