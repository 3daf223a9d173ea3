package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.ConcurrencyCheck;
import io.uts4j.it.apps.PoolCheck;
import io.uts4j.it.apps.VirtualThreadCheck;
import java.net.InetAddress;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tenants never see each other's answers, and shared pools never carry one tenant into others' work. */
class ConcurrencyTest {
    static final String TENANTS = String.join(",", "kernel=off",
            "tenant.alpha.hostname=alpha", "tenant.alpha.threads=alpha-\\d+", "tenant.alpha.property.os.name=alpha-os",
            "tenant.beta.hostname=beta", "tenant.beta.threads=beta-\\d+", "tenant.beta.property.os.name=beta-os",
            "tenant.gamma.hostname=gamma", "tenant.gamma.property.os.name=gamma-os");

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void manyThreadsOfSeveralTenantsNeverSeeAnotherTenantsAnswer(Jdk jdk) throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(TENANTS).run(ConcurrencyCheck.class, "2000", "4", host);
        r.assertSuccess();
        assertThat(r.stdout()).as(r.toString()).contains("wrong=0");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void tasksRunAsTheirSubmitterAndPoolWorkersKeepNoTenant(Jdk jdk) throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        // A real common pool even on a 2-core machine (with parallelism 1, CompletableFuture starts a
        // thread per task instead, and such a thread rightly inherits its creator's tenant).
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(TENANTS)
                .jvmArgs("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")
                .run(PoolCheck.class).assertSuccess();
        Map<String, Map<String, String>> report = r.report();
        assertThat(report.get("alpha-inline")).as(r.toString()).containsEntry("localHost.name", "alpha");
        // The tenant's tasks run as the tenant on the shared pools' workers (which they made) ...
        for (String who : new String[] {"alpha-common", "alpha-executor"}) {
            assertThat(report.get(who)).as(who + "\n" + r).containsEntry("worker", "true")
                    .containsEntry("localHost.name", "alpha");
        }
        // ... and the host's tasks, on those very workers afterwards, as the host.
        for (String who : new String[] {"host-common", "host-executor"}) {
            assertThat(report.get(who)).as(who + "\n" + r).containsEntry("worker", "true")
                    .containsEntry("localHost.name", host);
        }
        assertThat(report.get("host-parallel")).containsEntry("names", host);
    }

    @Test
    void virtualThreadsCarryTheirOwnBindingNotTheirCarriers() {
        Jdk jdk = Jdk.withVirtualThreads();
        String host = hostname();
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(TENANTS)
                .jvmArgs("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1")
                .run(VirtualThreadCheck.class, host).assertSuccess();
        assertThat(r.report().get("virtual")).as(r.toString()).containsEntry("wrong", "0").containsEntry("checks", "30000");
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
