package io.uts4j.it;

import static io.uts4j.it.TenantRoutesRun.assertUnchanged;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's own classes, as tenant code finds them. The bootstrap's classes load (they are in
 * java.base) but every member is out of reach, by a plain call or setAccessible; the launcher on
 * the class path is package-private; the isolated part is not on the class path, and no class
 * loader a public route hands out (JMX, threads' context loaders) leads to it.
 */
class AgentInternalsTest {
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void aPublicMethodOfTheBootstrapCannotBeCalled(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.installInvoke", "ERR:IllegalAccessException:");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theBootstrapCannotBeMadeAccessible(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.installSetAccessible", "ERR:InaccessibleObjectException:");
        assertOutcome(jdk, binding, "hidden.dispatcherField", "ERR:InaccessibleObjectException:");
        assertOutcome(jdk, binding, "hidden.concurrentExec", "ERR:InaccessibleObjectException:");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theBootstrapsObjectsCannotBeMade(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.bridgeConstructor", "ERR:IllegalAccessException:");
        assertOutcome(jdk, binding, "hidden.tenantConstructor", "ERR:IllegalAccessException:");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theLauncherCannotBeCalled(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.launcherInvoke", "ERR:IllegalAccessException:");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theIsolatedPartIsNotOnTheClassPath(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.isolatedClass", "ERR:ClassNotFoundException:");
    }

    /** {@code MBeanServer.getClassLoaderFor} answers the loader of a bean's class, for anyone. */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void noClassLoaderTheMBeanServerGivesOutLeadsToTheIsolatedPart(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.mbeanClassLoaders", "ERR:ClassNotFoundException:");
    }

    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void noThreadsContextClassLoaderLeadsToTheIsolatedPart(Jdk jdk, String binding) {
        assertOutcome(jdk, binding, "hidden.threadContextLoaders", "ERR:ClassNotFoundException:");
    }

    /**
     * setAccessible works on any class of the class path, the launcher's too; what it can reach
     * there must be a copy of the isolated part that the JVM never let into java.base.
     */
    @ParameterizedTest(name = "{0}, a bound by {1}")
    @MethodSource("io.uts4j.it.TenantRoutesRun#runs")
    void theLaunchersLoaderGivenToDeepReflectionInstallsNothing(Jdk jdk, String binding) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(TenantRoutesRun.route(r, "hidden.launcherIsolatedLoader").get("outcome")).as(r.toString())
                .startsWith("ERR:IllegalAccessError:").contains("jdk.internal.misc");
        assertUnchanged(r, "hidden.launcherIsolatedLoader");
    }

    private static void assertOutcome(Jdk jdk, String binding, String route, String prefix) {
        ForkedJvm.Result r = TenantRoutesRun.of(jdk, binding);
        assertThat(TenantRoutesRun.route(r, route).get("outcome")).as(route + "\n" + r).startsWith(prefix);
        assertUnchanged(r, route);
    }
}
