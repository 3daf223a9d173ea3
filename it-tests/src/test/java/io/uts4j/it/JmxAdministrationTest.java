package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.assertRefused;
import static io.uts4j.it.TenantRoutesRun.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's JMX operations ({@code io.uts4j:type=Agent} addTenant and removeTenant) on the
 * platform MBean server: refused to tenant code, wherever it runs; host code uses them as before.
 */
class JmxAdministrationTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void addTenantFromATenantsThreadIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "jmx.addTenant", "JMX addTenant from thread '",
                "only host code may administer uts4j");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void removeTenantFromATenantsThreadIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "jmx.removeTenant", "JMX removeTenant from thread '",
                "only host code may administer uts4j");
    }

    /** A finalizer of the tenant's runs on the JDK's own thread, which no rule binds. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void addTenantFromATenantsFinalizerIsRefused(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "jmx.addTenantFromFinalizer", "JMX addTenant from thread '",
                "only host code may administer uts4j");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void hostCodeAddsAndRemovesTenantsThroughJmx(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r)).as(r.toString()).containsEntry("jmx.addTenant", "ok:a,b,d")
                .containsEntry("jmx.removeTenant", "ok:a,b");
    }
}
