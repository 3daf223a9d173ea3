package io.uts4j.agent;

import io.uts4j.agent.config.TenantSpec;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantTable;
import java.util.ArrayList;
import java.util.List;

/** Turns validated tenant specs into the bootstrap part's tenant table. */
final class Tenants {
    private Tenants() {}

    static TenantTable table(List<TenantSpec> specs) {
        List<Tenant> tenants = new ArrayList<>();
        for (TenantSpec s : specs) {
            tenants.add(new Tenant(s.id(), s.hostname(), s.domainname(), s.address(), s.threads(),
                    s.env(), s.properties()));
        }
        return new TenantTable(tenants);
    }
}
