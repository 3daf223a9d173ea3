package io.uts4j.agent.jmx;

import io.uts4j.bootstrap.Tenant;

/** Told when tenants are added or removed at run time. */
public interface TenantListener {
    void added(Tenant tenant);

    void removed(String id);
}
