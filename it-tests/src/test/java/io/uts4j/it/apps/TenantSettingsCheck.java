package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import io.uts4j.it.webapp.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that reach the kernel or children, tried where the host's code adds a tenant at run
 * time ({@code add.*}: what addTenant did), and what a child of configured tenant a's thread a-1
 * gets in its environment ({@code child.<NAME>}). Arguments: the variables to look at.
 */
public final class TenantSettingsCheck {
    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : args) {
            m.put("add.env." + name, Outcome.of(() -> {
                control.addTenant("c-" + name.toLowerCase().replace('_', '-'), Map.of("hostname", "c-1",
                        "env." + name, "libc.so.6"));
                return "added";
            }));
        }
        for (String path : new String[] {"/proc/self/ns/uts", "/proc/1/ns/uts"}) {
            m.put("add.namespace." + path, Outcome.of(() -> {
                control.addTenant("d", Map.of("namespace", path));
                return "added";
            }));
        }
        Report.onThread("a-1", () -> {
            for (String name : args) m.put("child." + name, Children.run("sh", "-c", "printf %s \"$" + name + "\""));
        });
        Report.print("settings", m);
    }
}
