package io.uts4j.bootstrap;

import java.util.Map;

/** Adds and removes tenants while the JVM runs; implemented by the agent, reached through the API and JMX. */
public interface TenantAdmin {
    /**
     * @param settings the tenant's keys without the {@code tenant.<id>.} prefix: hostname, loader, ...
     * @throws IllegalArgumentException naming the bad key, its value and what would be valid
     * @throws IllegalStateException    if a kernel namespace is required and cannot be had
     */
    void add(String id, Map<String, String> settings);

    /** Unbinds the tenant's rules, retires its dedicated threads and closes its namespace. */
    void remove(String id);
}
