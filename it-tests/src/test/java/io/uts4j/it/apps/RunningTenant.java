package io.uts4j.it.apps;

import java.util.Map;

/**
 * A running application with a thread of tenant alpha (alpha-1): prints what that thread sees at
 * start ({@code @ready}) and again when its standard input closes ({@code @final}), then exits.
 * Nothing else: whatever else it prints came from somewhere else.
 */
public final class RunningTenant {
    public static void main(String[] args) throws Exception {
        try (Worker alpha = new Worker("alpha-1", null)) {
            Report.print("ready", Map.of("sees", alpha.call(TenantWatch::sees)));
            while (System.in.read() != -1) {
                // until the test closes our standard input
            }
            Report.print("final", Map.of("sees", alpha.call(TenantWatch::sees)));
        }
    }
}
