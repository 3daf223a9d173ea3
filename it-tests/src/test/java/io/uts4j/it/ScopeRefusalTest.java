package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.webapp.TenantAttempts;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant code may use the API on its own tenant only: a scope of another tenant, work in its
 * namespace, what its kernel holds, are each refused — and the same calls for its own tenant work.
 */
class ScopeRefusalTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void enteringAnotherTenantIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.enter", "Uts4j.enter(\"b\") from thread '",
                "of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void callAsAnotherTenantIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.callAs", "Uts4j.enter(\"b\")", "of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void runAsAnotherTenantIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.runAs", "Uts4j.enter(\"b\")", "of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void callInAnotherTenantsNamespaceIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.callInNamespace", "Uts4j.callInNamespace(\"b\")",
                "of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void anotherTenantsKernelIdentityIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.kernelIdentity", "Uts4j.kernelIdentity(\"b\")");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void anotherTenantsNamespaceInodeIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.namespaceInode", "Uts4j.namespaceInode(\"b\")");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theCapabilityIsRefusedOnceTheHostHasIt(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "api.control", "Uts4j.control() was called before");
    }

    /** The line is drawn by tenant: the same operations on the caller's own tenant work. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theSameCallsForTheTenantsOwnTenantWork(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        String aSees = TenantRoutesRun.aSees(r);
        String aHostname = aSees.substring(aSees.indexOf(' ') + 1);
        Map<String, String> expected = Map.of("own.enter", "ok:entered " + aSees,
                "own.callInNamespace", "ok:" + aSees, "own.kernelIdentity", "ok:" + aHostname,
                "own.namespaceInode", "ok:an inode");
        for (String route : TenantAttempts.OWN) {
            Map<String, String> m = TenantRoutesRun.route(r, route);
            assertThat(m.get("outcome")).as(route + "\n" + r).isEqualTo(expected.get(route));
            assertThat(m.get("counted")).as(route).isEqualTo("0");
            TenantRoutesRun.assertUnchanged(r, route);
        }
    }
}
