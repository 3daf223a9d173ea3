package io.uts4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.uts4j.it.apps.Children;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this machine lets us create UTS namespaces (root, CAP_SYS_ADMIN). Where it does not, a
 * kernel test skips, saying why, unless {@code UTS4J_REQUIRE_KERNEL=1}, under which it fails.
 */
final class Kernel {
    private Kernel() {}

    static void assumeAvailable() {
        String probe = Children.run("unshare", "--uts", "sh", "-c", "hostname uts4j-probe && hostname");
        assume(probe.equals("uts4j-probe"), "the kernel refuses a UTS namespace here: " + probe);
    }

    static void assume(boolean condition, String why) {
        if (condition) return;
        if ("1".equals(System.getenv("UTS4J_REQUIRE_KERNEL"))) fail("UTS4J_REQUIRE_KERNEL=1, but " + why);
        Assumptions.abort(why);
    }
}
