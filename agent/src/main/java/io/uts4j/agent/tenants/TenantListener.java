package io.uts4j.agent.tenants;

/** Told when tenants are added or removed at run time. */
public interface TenantListener {
    void added(TenantRuntime tenant);

    void removed(String id);
}
