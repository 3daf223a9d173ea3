package io.uts4j.it.apps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After a kernel-mode start, on main: the JNA settings the agent may have used while loading JNA
 * (each "unset" unless the application set it), and a tenant's child's hostname, to show JNA works.
 */
public final class JnaTraces {
    public static void main(String[] args) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : new String[] {"jna.platform.library.path", "jna.boot.library.path", "jna.nounpack"}) {
            m.put(key, System.getProperty(key, "unset"));
        }
        Report.print("main", m);
        Report.onThread("alpha-1", () -> Report.print("alpha", Children.identity()));
    }
}
