package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.aSees;
import static io.uts4j.it.TenantRoutesRun.assertUnchanged;
import static io.uts4j.it.TenantRoutesRun.bSees;
import static io.uts4j.it.TenantRoutesRun.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant code cannot move a thread to another tenant, or to nobody, by what uts4j's rules look at:
 * a change it makes to its thread's name or context class loader leaves the thread where it was,
 * and a thread it creates is never bound to another tenant by the name or loader it gives it. Host
 * code's changes re-bind as always.
 */
class RebindingTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void renamingItsThreadAfterAnotherTenantKeepsTheTenant(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.renameToOther");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void renamingItsThreadAfterNobodyKeepsTheTenant(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.renameToNobody");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void takingAnotherTenantsClassLoaderKeepsTheTenant(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.loaderOfOther");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void takingAClassLoaderOfNobodyKeepsTheTenant(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.loaderOfNobody");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void aThreadItNamesAfterAnotherTenantIsItsOwn(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.newThreadNamedOther");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void aThreadItGivesAnotherTenantsClassLoaderIsItsOwn(Jdk jdk, String binding) {
        assertSeesA(jdk, binding, "rebind.newThreadWithLoaderOfOther");
    }

    /** A thread that inherits nothing is not the tenant's either, but it must never be another's. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void aThreadItNamesAfterAnotherTenantWithoutInheritanceIsNotTheOthers(Jdk jdk, String binding) {
        assertNotB(jdk, binding, "rebind.newNoInheritThreadNamedOther");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void aThreadThatInheritedNothingCannotRenameItselfIntoAnotherTenant(Jdk jdk, String binding) {
        assertNotB(jdk, binding, "rebind.noInheritThreadRenamesItselfToOther");
    }

    /** Host code gives a thread the tenant had frozen another tenant's name and loader, then its own back. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void hostCodeStillMovesAThreadTheTenantRenamed(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(host(r).get("movesAThreadATenantFroze")).as(r.toString())
                .isEqualTo("ok:" + aSees(r) + "|" + bSees(r) + "|" + aSees(r));
    }

    /** An unbound host thread renames itself after b (it is b's), then main gives it its name back (the host's). */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void hostCodeRenamingAHostThreadRebindsIt(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        String hostSees = host(r).get("enterHostOnAThreadOfA").substring("ok:".length());
        assertThat(hostSees).startsWith("host ");
        assertThat(host(r).get("renamesAHostThread")).as(r.toString()).isEqualTo("ok:" + bSees(r) + "|" + hostSees);
    }

    private static void assertSeesA(Jdk jdk, String binding, String route) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(TenantRoutesRun.route(r, route).get("outcome")).as(route + "\n" + r).isEqualTo("ok:" + aSees(r));
        assertUnchanged(r, route);
    }

    private static void assertNotB(Jdk jdk, String binding, String route) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(TenantRoutesRun.route(r, route).get("outcome")).as(route + "\n" + r).startsWith("ok:")
                .isNotEqualTo("ok:" + bSees(r)).doesNotStartWith("ok:b ");
        assertUnchanged(r, route);
    }
}
