package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.assertRefused;
import static io.uts4j.it.TenantRoutesRun.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host's capability, {@code Uts4j.control()}, is never issued to tenant code: not on a thread
 * bound to the tenant, nor on any thread its code started or had something run on, bound or not.
 * Every attempt is made before the host takes the capability, so each is refused as tenant code,
 * not because the capability was issued already — and the host still gets it afterwards.
 */
class CapabilityRefusalTest {
    private static final String[] AS_TENANT_CODE = {"Uts4j.control() from thread '",
            "the host's capability is issued to host code only"};

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedOnTheTenantsOwnThread(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.ownThread", AS_TENANT_CODE);
        assertThat(TenantRoutesRun.route(TenantRoutesRun.of(jdk, binding), "control.ownThread").get("outcome"))
                .contains("of tenant 'a'");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedOnAThreadTheTenantStarted(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.childThread", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedOnAThreadTheTenantStartedWithoutInheritance(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.noInheritThread", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedToAMethodReferenceOnlyJdkCodeRuns(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.methodReferenceOnNoInheritThread", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedOnAPoolWorkerTheTenantsSubmissionMade(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.poolWorker", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedInTheCommonPool(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.commonPool", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedOnAThreadStartedByAThreadThatInheritedNothing(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.grandchildOfNoInheritThread", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runsWithVirtualThreads")
    void refusedOnAVirtualThreadTheTenantStartedWithoutInheritance(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.virtualThreadNoInherit", AS_TENANT_CODE);
    }

    /** The JDK's finalizer thread runs whatever object's finalize(): never host code. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void refusedInAFinalizer(Jdk jdk, String binding) {
        assertRefused(TenantRoutesRun.of(jdk, binding), "control.finalizer", AS_TENANT_CODE);
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theHostStillGetsItAfterEveryAttemptAndOnlyOnce(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r).get("control")).as(r.toString()).isEqualTo("ok:Uts4jControl");
        assertThat(host(r).get("secondControl")).as(r.toString())
                .startsWith("refused:uts4j: refused: Uts4j.control() was called before");
    }
}
