package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tenants added and removed while the JVM runs, through the API and through JMX, and the JMX beans
 * themselves. Needs --add-opens java.management/java.lang.management=ALL-UNNAMED, to check that the
 * platform MBean server did not exist when main began.
 */
public final class RuntimeTenantsReport {
    public static void main(String[] args) throws Exception {
        Host.control(); // the host takes its capability before any tenant code runs
        Map<String, String> m = new LinkedHashMap<>();
        var field = ManagementFactory.class.getDeclaredField("platformMBeanServer");
        field.setAccessible(true);
        m.put("mbeanServerAtMain", String.valueOf(field.get(null) != null));

        Host.control().addTenant("delta", Map.of("hostname", "delta-1", "threads", "delta-.*"));
        Report.onThread("delta-1", () -> {
            m.put("delta.java", Report.get(() -> java.net.InetAddress.getLocalHost().getHostName()));
            m.put("delta.child", Children.run("hostname"));
        });
        m.put("badAdd", Report.get(() -> {
            Host.control().addTenant("bad", Map.of("hostname", "no_such host"));
            return "added";
        }));
        m.put("duplicateAdd", Report.get(() -> {
            Host.control().addTenant("delta", Map.of("hostname", "x"));
            return "added";
        }));
        m.put("enterUnknown", Report.get(() -> Host.control().enter("nope")));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer(); // made by the application, now
        ObjectName agent = new ObjectName("io.uts4j:type=Agent");
        for (int i = 0; i < 50 && !server.isRegistered(agent); i++) Thread.sleep(100);
        ObjectName delta = new ObjectName("io.uts4j:type=Tenant,name=\"delta\"");
        m.put("jmx.tenants", String.join(",", (String[]) server.getAttribute(agent, "Tenants")));
        m.put("jmx.kernelMode", String.valueOf(server.getAttribute(agent, "KernelMode")));
        m.put("jmx.refused", String.valueOf(server.getAttribute(agent, "RefusedOperations")));
        m.put("jmx.delta.hostname", String.valueOf(server.getAttribute(delta, "Hostname")));
        m.put("jmx.delta.kernelHostname", String.valueOf(server.getAttribute(delta, "KernelHostname")));
        m.put("jmx.delta.inode", String.valueOf(server.getAttribute(delta, "NamespaceInode")));
        m.put("api.delta.inode", String.valueOf(Host.control().namespaceInode("delta").orElse(0)));
        m.put("jmx.delta.launched", String.valueOf(server.getAttribute(delta, "ProcessesLaunched")));
        m.put("jmx.delta.handoffs", String.valueOf(server.getAttribute(delta, "HandoffCount")));
        m.put("jmx.delta.p99", String.valueOf(server.getAttribute(delta, "HandoffP99Micros")));

        server.invoke(agent, "addTenant", new Object[] {"epsilon", "hostname=eps-1,threads=eps-.*"},
                new String[] {String.class.getName(), String.class.getName()});
        Report.onThread("eps-1", () -> m.put("epsilon.child", Children.run("hostname")));
        m.put("jmx.epsilonRegistered", String.valueOf(server.isRegistered(
                new ObjectName("io.uts4j:type=Tenant,name=\"epsilon\""))));

        server.invoke(agent, "removeTenant", new Object[] {"delta"}, new String[] {String.class.getName()});
        Report.onThread("delta-2", () -> {
            m.put("removed.java", Report.get(() -> java.net.InetAddress.getLocalHost().getHostName()));
            m.put("removed.child", Children.run("hostname"));
        });
        m.put("jmx.deltaRegistered", String.valueOf(server.isRegistered(delta)));
        m.put("tenants", String.join(",", Host.control().tenants()));
        long deltaThreads = namespaceThreads("uts4j-ns-delta");
        for (int i = 0; i < 50 && deltaThreads > 0; i++) { // the removed tenant's dedicated threads are ending
            Thread.sleep(100);
            deltaThreads = namespaceThreads("uts4j-ns-delta");
        }
        m.put("deltaThreads", String.valueOf(deltaThreads));
        m.put("epsilonThreads", String.valueOf(namespaceThreads("uts4j-ns-epsil")));
        Report.print("runtime", m);
    }

    private static long namespaceThreads(String prefix) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(prefix);
                } catch (Exception e) {
                    return false;
                }
            }).count();
        }
    }
}
