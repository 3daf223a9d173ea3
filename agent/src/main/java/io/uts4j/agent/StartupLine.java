package io.uts4j.agent;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.bootstrap.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one line the agent prints on stderr at start-up: mode, tenants, instrumented APIs. */
final class StartupLine {
    private StartupLine() {}

    static String of(String version, AgentConfig config, List<Tenant> tenants, String kernel, List<String> methods) {
        StringBuilder b = new StringBuilder("uts4j ").append(version).append(": ").append(tenants.size())
                .append(tenants.size() == 1 ? " tenant" : " tenants");
        String sep = " [";
        for (Tenant t : tenants) {
            b.append(sep).append(t.id()).append('=').append(t.fqdn());
            sep = ", ";
        }
        if (!tenants.isEmpty()) b.append(']');
        b.append("; kernel=").append(config.kernel().name().toLowerCase()).append(config.kernel() == KernelMode.OFF
                ? "" : " (" + kernel + ")");
        b.append("; instrumented ").append(grouped(methods));
        return b.toString();
    }

    /** "InetAddress.getLocalHost/getByName, System.getenv" from "InetAddress.getLocalHost()", ... */
    private static String grouped(List<String> methods) {
        Map<String, StringBuilder> byClass = new LinkedHashMap<>();
        for (String m : methods) {
            String owner = m.startsWith("new ") ? m.substring(4, m.indexOf('(')) : m.substring(0, m.indexOf('.'));
            String name = m.startsWith("new ") ? "<init>" : m.substring(m.indexOf('.') + 1, m.indexOf('('));
            StringBuilder names = byClass.get(owner);
            if (names == null) {
                byClass.put(owner, new StringBuilder(name));
            } else if (!("/" + names + "/").contains("/" + name + "/")) {
                names.append('/').append(name);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, StringBuilder> e : byClass.entrySet()) {
            if (b.length() > 0) b.append(", ");
            b.append(e.getKey()).append('.').append(e.getValue());
        }
        return b.toString();
    }
}
