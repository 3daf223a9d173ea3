package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.util.Map;

/**
 * An application that uses uts4j-api from its class path before any agent is there: thread
 * alpha-1 prints what the API says ({@code @before}), then, once the API reports the agent (a
 * dynamic attach), what it says then ({@code @after}); it exits when its standard input closes.
 */
public final class ApiBeforeAttach {
    private static final long WAIT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        try (Worker alpha = new Worker("alpha-1", null)) {
            Report.print("before", alpha.call(ApiBeforeAttach::api));
            alpha.call(() -> {
                long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
                while (!Uts4j.isAttached() && System.nanoTime() < deadline) Thread.sleep(100);
                return null;
            });
            Report.print("after", alpha.call(ApiBeforeAttach::api));
            while (System.in.read() != -1) {
                // until the test closes our standard input
            }
        }
    }

    private static Map<String, String> api() throws Exception {
        return Map.of("attached", String.valueOf(Uts4j.isAttached()),
                "current", Uts4j.current().tenantId().orElse("host") + " " + Uts4j.current().hostname(),
                "sees", TenantWatch.sees());
    }
}
