package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With many tenants {@code t<i>} (threads {@code t<i>-.*}): for each index given, a thread named
 * for that tenant reports what the JDK and, when asked, a child process tell it.
 */
public final class ManyTenantsReport {
    public static void main(String[] args) throws Exception {
        boolean children = Boolean.parseBoolean(args[0]);
        Map<String, String> host = new LinkedHashMap<>();
        host.put("java", InetAddress.getLocalHost().getHostName());
        Report.print("main", host);
        for (int a = 1; a < args.length; a++) {
            String i = args[a];
            Report.onThread("t" + i + "-worker", () -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("java", Report.get(() -> InetAddress.getLocalHost().getHostName()));
                m.put("env", System.getenv("HOSTNAME"));
                if (children) m.put("child", Children.run("hostname"));
                Report.print("t" + i, m);
            });
        }
    }
}
