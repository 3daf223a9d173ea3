package io.uts4j.agent.cli;

import io.uts4j.agent.Agent;
import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.TenantSpec;
import java.util.Locale;

/**
 * {@code check-config '<agent args>'}: validates a configuration with the agent's own parser, and
 * fails with the agent's own exit status and one-line message.
 */
final class CheckConfig {
    private CheckConfig() {}

    static int run(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar uts4j-agent.jar check-config '<agent args>'   (or 'config=FILE')");
            return Commands.EXIT_USAGE;
        }
        AgentConfig c;
        try {
            c = AgentConfig.parse(args[0]);
        } catch (ConfigException e) {
            System.err.println("uts4j: invalid configuration: " + e.getMessage()); // as Agent.start says it
            return Agent.EXIT_BAD_CONFIG;
        }
        System.out.println("configuration is valid: kernel=" + c.kernel().name().toLowerCase(Locale.ROOT) + ", "
                + c.tenants().size() + " tenant(s)");
        for (TenantSpec t : c.tenants()) System.out.println("  " + describe(t));
        return 0;
    }

    private static String describe(TenantSpec t) {
        StringBuilder s = new StringBuilder(t.id()).append(": ");
        s.append(t.hostname() == null ? "names from the namespace it adopts" : "hostname " + t.hostname());
        if (t.domainname() != null) s.append(", domain ").append(t.domainname());
        if (t.threads() != null) s.append(", threads /").append(t.threads()).append('/');
        if (t.loader() != null) s.append(", loader /").append(t.loader()).append('/');
        if (!t.namespace().equals(TenantSpec.NAMESPACE_NEW)) {
            s.append(", namespace ").append(t.namespace());
            if (!t.namespace().equals(TenantSpec.NAMESPACE_NONE)) s.append(" (opened and checked when the agent starts)");
        }
        if (!t.env().isEmpty()) s.append(", env ").append(t.env().keySet());
        if (!t.properties().isEmpty()) s.append(", properties ").append(t.properties().keySet());
        return s.toString();
    }
}
