package io.uts4j.agent;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.tenants.TenantRuntime;
import java.util.List;
import java.util.Locale;

/** The one line the agent prints on stderr at start-up: version, tenants (the first few), kernel mode. */
final class StartupLine {
    /** Tenants named in the line; the rest are counted ({@code debug=true} lists them all). */
    static final int SHOWN = 4;
    /**
     * An id and a hostname may each be 64 characters: cut to this, the line stays under 400 characters
     * however many tenants there are and whatever they are called.
     */
    private static final int MAX_NAME = 30;

    private StartupLine() {}

    static String of(String version, AgentConfig config, List<TenantRuntime> tenants, String kernel) {
        StringBuilder b = new StringBuilder("uts4j ").append(version).append(": ").append(tenants.size())
                .append(tenants.size() == 1 ? " tenant" : " tenants");
        String sep = " [";
        int shown = 0;
        for (TenantRuntime t : tenants) {
            if (shown++ == SHOWN) {
                b.append(", …");
                break;
            }
            b.append(sep).append(cut(t.id())).append('=').append(cut(t.tenant().fqdn()));
            sep = ", ";
        }
        if (!tenants.isEmpty()) b.append(']');
        b.append("; kernel=").append(config.kernel().name().toLowerCase(Locale.ROOT))
                .append(config.kernel() == KernelMode.OFF ? "" : " (" + kernel + ")");
        b.append("; propagate=").append(config.propagate() ? "on" : "off");
        return b.toString();
    }

    /** Every tenant, for {@code debug=true}. */
    static String all(List<TenantRuntime> tenants) {
        StringBuilder b = new StringBuilder("uts4j: debug: tenants");
        for (TenantRuntime t : tenants) b.append(' ').append(t.id()).append('=').append(t.tenant().fqdn());
        return b.toString();
    }

    private static String cut(String s) {
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
    }
}
