package io.uts4j.agent.jmx;

/** The agent, as {@code io.uts4j:type=Agent}. */
public interface AgentMXBean {
    String getVersion();

    /**
     * {@code on} (some tenant has a kernel namespace), {@code off} (kernel=off), {@code starting}
     * (namespaces are being made while the application starts), or {@code unavailable} (none could be had).
     */
    String getKernelMode();

    String[] getTenants();

    String[] getInstrumentedMethods();

    /** Operations refused because tenant code tried what only the host may do (API, JMX). */
    long getRefusedOperations();

    /**
     * Adds a tenant: {@code settings} as in the configuration without the {@code tenant.<id>.} prefix,
     * e.g. {@code hostname=shop-2,loader=/shop2}. Refused unless host code calls it.
     */
    void addTenant(String id, String settings);

    /** Removes a tenant. Refused unless host code calls it. */
    void removeTenant(String id);
}
