package io.uts4j.agent.jmx;

/** The agent, as {@code io.uts4j:type=Agent}. */
public interface AgentMXBean {
    String getVersion();

    /** {@code on}, {@code off}, or {@code unavailable} (kernel=auto without the privilege). */
    String getKernelMode();

    String[] getTenants();

    String[] getInstrumentedMethods();

    /** Refused attempts to bind a thread: unknown or removed tenants, scopes closed by other threads. */
    long getDeniedRebinds();

    /**
     * Adds a tenant: {@code settings} as in the configuration without the {@code tenant.<id>.} prefix,
     * e.g. {@code hostname=shop-2,loader=/shop2}.
     */
    void addTenant(String id, String settings);

    void removeTenant(String id);
}
