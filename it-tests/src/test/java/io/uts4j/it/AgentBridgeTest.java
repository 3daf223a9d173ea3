package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.assertRefused;
import static io.uts4j.it.TenantRoutesRun.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code io.uts4j.link.AgentLink.bridge()} is public: any code can call the agent's bridge as the
 * API does, with any arguments. Called directly, without the host's token or with a forged one,
 * it refuses exactly what the API refuses; the real token is out of reflection's reach.
 */
class AgentBridgeTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void enteringAnotherTenantIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.enter", "Uts4j.enter(\"b\")", "of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void enteringWithAForgedTokenIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.enterAs", "enter needs the host's Uts4jControl");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void addTenantWithAForgedTokenIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.addTenant", "addTenant needs the host's Uts4jControl");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void addTenantWithoutATokenIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.addTenantWithoutToken",
                "addTenant needs the host's Uts4jControl");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void removeTenantWithAForgedTokenIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.removeTenant",
                "removeTenant needs the host's Uts4jControl");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theCapabilityIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.control", "Uts4j.control()");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void callInAnotherTenantsNamespaceIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.callInNamespace", "Uts4j.callInNamespace(\"b\")");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void listingTenantsIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "bridge.tenants", "tenants needs the host's Uts4jControl");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostsTokenIsOutOfReflectionsReach(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(TenantRoutesRun.route(r, "bridge.issuedField").get("outcome")).as(r.toString())
                .startsWith("ERR:InaccessibleObjectException:");
        assertUnchanged(r, "bridge.issuedField");
    }
}
