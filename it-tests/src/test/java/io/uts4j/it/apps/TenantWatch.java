package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.net.InetAddress;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Everything that makes a tenant what it is, as host code sees it without the host's capability:
 * what a long-lived thread of it sees, what fresh threads its name rule and its loader rule bind
 * see, and its JMX bean (hostname, the kernel's hostname, namespace inode), with the list of
 * tenants. Two snapshots are equal when nothing about the tenant changed.
 */
public final class TenantWatch {
    private final MBeanServer server;
    private final String tenant;
    private final Worker resident;
    private final ClassLoader loader;
    private int fresh;

    /**
     * @param resident a thread bound to the tenant since before anything was tried
     * @param loader   a class loader the tenant's loader rule matches
     */
    public TenantWatch(MBeanServer server, String tenant, Worker resident, ClassLoader loader) {
        this.server = server;
        this.tenant = tenant;
        this.resident = resident;
        this.loader = loader;
    }

    public String snapshot() throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("resident=").append(resident.call(TenantWatch::sees));
        try (Worker byName = new Worker(tenant + "-fresh-" + ++fresh, null)) {
            b.append(";byName=").append(byName.call(TenantWatch::sees));
        }
        try (Worker byLoader = new Worker("fresh-" + fresh, loader)) {
            b.append(";byLoader=").append(byLoader.call(TenantWatch::sees));
        }
        ObjectName bean = new ObjectName("io.uts4j:type=Tenant,name=" + ObjectName.quote(tenant));
        b.append(";jmx=").append(server.isRegistered(bean)
                ? server.getAttribute(bean, "Hostname") + "," + server.getAttribute(bean, "KernelHostname") + ","
                + server.getAttribute(bean, "NamespaceInode") : "absent");
        b.append(";tenants=").append(String.join(",",
                (String[]) server.getAttribute(new ObjectName("io.uts4j:type=Agent"), "Tenants")));
        return b.toString();
    }

    /** The calling thread's tenant and the hostname the JDK tells it. */
    public static String sees() throws Exception {
        return Uts4j.currentTenant().orElse("host") + " " + InetAddress.getLocalHost().getHostName();
    }
}
