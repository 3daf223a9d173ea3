package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.util.Map;

/** From thread alpha-1: the Java-level identity, and what a child says. */
public final class TenantChildReport {
    public static void main(String[] args) throws Exception {
        Report.onThread("alpha-1", () -> {
            Map<String, String> m = new java.util.LinkedHashMap<>(Children.identity());
            m.put("kernel", Uts4j.kernelIdentity("alpha").map(Object::toString).orElse("none"));
            Report.print("alpha", m);
        });
        Report.print("main", Children.identity());
    }
}
