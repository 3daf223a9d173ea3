package io.uts4j.agent;

import io.uts4j.TenantResolver;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.agent.kernel.KernelNamespace;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.bootstrap.Tenant;
import io.uts4j.bootstrap.TenantTable;
import java.util.ArrayList;
import java.util.List;

/** Turns validated tenant specs, and the namespaces they got, into the bootstrap part's tenant table. */
final class Tenants {
    private Tenants() {}

    static TenantTable table(List<TenantSpec> specs, KernelSetup.Outcome kernel, TenantResolver resolver) {
        List<Tenant> tenants = new ArrayList<>();
        for (TenantSpec s : specs) {
            String[] adopted = kernel.adoptedNames().get(s.id());
            String hostname = adopted != null ? adopted[0] : s.hostname();
            String domainname = adopted != null ? adopted[1] : s.domainname();
            Tenant t = new Tenant(s.id(), hostname, domainname, s.address(), s.threads(), s.loader(), s.env(),
                    s.properties());
            KernelNamespace ns = kernel.namespaces().get(s.id());
            if (ns != null) ns.attachTo(t);
            tenants.add(t);
        }
        return new TenantTable(tenants, resolver);
    }
}
