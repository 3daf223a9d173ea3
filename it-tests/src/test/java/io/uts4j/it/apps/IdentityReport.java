package io.uts4j.it.apps;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;

/**
 * Reports what the JDK tells threads bound in each way: by thread-name rule ({@code alpha-1},
 * {@code beta-1}), by inheritance (a child of {@code alpha-1}), by the API ({@code gamma}), and
 * unbound ({@code main}, {@code plain}). Arguments: host names to resolve from each thread.
 */
public final class IdentityReport {
    public static void main(String[] args) throws Exception {
        Host.control(); // the host takes its capability before any tenant code runs
        String[] names = args;
        Report.print("main", Report.identity(names));
        Report.onThread("alpha-1", () -> {
            Report.print("alpha", Report.identity(names));
            try {
                Report.onThread("child-of-alpha", () -> Report.print("alpha-child", Report.identity(names)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Report.onThread("beta-1", () -> Report.print("beta", Report.identity(names)));
        Report.onThread("worker-7", () -> {
            try (TenantScope s = Host.control().enter("gamma")) {
                Report.print("gamma", Report.identity(names));
                Report.print("gamma-api", java.util.Map.of("current", Uts4j.current().toString(),
                        "tenant", Uts4j.currentTenant().orElse("-")));
            }
            Report.print("after-scope", Report.identity(names));
        });
        Report.onThread("plain", () -> Report.print("plain", Report.identity(names)));
        Report.print("host-api", java.util.Map.of("current", Uts4j.current().toString(),
                "tenants", String.join(",", Host.control().tenants())));
    }
}
