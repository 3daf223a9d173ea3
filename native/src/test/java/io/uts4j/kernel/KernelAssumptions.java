package io.uts4j.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test when this machine's kernel refuses what it needs — or fails it instead, when
 * {@code UTS4J_REQUIRE_KERNEL=1}, so that a CI host that should support namespaces cannot pass by skipping.
 */
final class KernelAssumptions {

    private static KernelSupport.Probe probe;

    private KernelAssumptions() {
    }

    /** Requires that this JVM can create and enter UTS namespaces. */
    static synchronized void assumeKernel() {
        if (probe == null) {
            probe = KernelSupport.probe();
        }
        assumeKernel(probe.usable(), "UTS namespaces are unusable here: " + probe.reason());
    }

    /** Requires {@code condition}, which is false only when the environment (not uts4j) is lacking. */
    static void assumeKernel(boolean condition, String why) {
        if (condition) {
            return;
        }
        if ("1".equals(System.getenv("UTS4J_REQUIRE_KERNEL"))) {
            fail("UTS4J_REQUIRE_KERNEL=1, but " + why);
        }
        Assumptions.abort(why);
    }
}
