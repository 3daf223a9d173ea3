package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host adds tenant {@code late} at run time, in a JVM that can get no UTS namespace (the test
 * runs it where {@code max_uts_namespaces} is 0), and reports what came of it: the exception, or
 * what a thread of the tenant then sees and what uts4j says of its namespace.
 */
public final class AddTenantWithoutNamespace {
    public static void main(String[] args) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            Host.control().addTenant("late", Map.of("hostname", "late-1", "threads", "late-.*"));
            m.put("added", "true");
        } catch (RuntimeException e) {
            m.put("added", "false");
            m.put("exception", e.getClass().getName());
            m.put("message", e.getMessage());
        }
        m.put("tenants", String.join(",", Host.control().tenants()));
        if (m.get("added").equals("true")) {
            Report.onThread("late-1", () -> {
                m.put("java", Report.get(() -> InetAddress.getLocalHost().getHostName()));
                m.put("env", System.getenv("HOSTNAME"));
                m.put("child.env", Children.run("sh", "-c", "echo $HOSTNAME"));
            });
            m.put("inode", String.valueOf(Host.control().namespaceInode("late")));
            m.put("kernelIdentity", String.valueOf(Host.control().kernelIdentity("late")));
        }
        Report.print("late", m);
    }
}
