package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.StressCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability (issue 12, row 7): a bounded stress of everything at once (see {@link StressCheck}),
 * on JDK 17 (platform threads) and JDK 25 (virtual threads too): 0 wrong answers, no thread left
 * hanging, descriptors and threads back where they were. 15 s per JDK by default; longer with
 * {@code -Duts4j.stress.seconds=600}. The figures are printed for docs/RELIABILITY.md.
 */
class StressTest {
    static final String TENANTS = String.join(",", "kernel=required",
            "tenant.alpha.hostname=alpha", "tenant.alpha.threads=alpha-.*", "tenant.alpha.property.os.name=alpha-os",
            "tenant.beta.hostname=beta", "tenant.beta.threads=beta-.*",
            "tenant.gamma.hostname=gamma");
    static final String SECONDS = System.getProperty("uts4j.stress.seconds", "15");

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyThreadSeesItsOwnIdentityUnderStressAndNothingLeaks(Jdk jdk) {
        String host = Children.run("hostname");
        boolean virtual = jdk.feature() >= 21;
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(TENANTS)
                // A real common pool even on a 2-core machine (see KERNEL.md).
                .jvmArgs("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4")
                .timeout(Long.parseLong(SECONDS) + 180)
                .run(StressCheck.class, SECONDS, host, String.valueOf(virtual));
        Map<String, String> m = r.report().get("stress");
        assertThat(m).as(r.toString()).isNotNull();
        System.out.println(jdk + " stress: " + m);
        assertThat(m).as(r.toString()).containsEntry("wrong", "0").containsEntry("wrong.warmUp", "0")
                .containsEntry("hung", "0").containsEntry("backTo", "true").containsEntry("tenants", "alpha,beta,gamma")
                .containsEntry("virtual", String.valueOf(virtual));
        assertThat(Long.parseLong(m.get("observations"))).isPositive();
        assertThat(Long.parseLong(m.get("launches"))).isPositive();
        assertThat(Long.parseLong(m.get("renames"))).isPositive();
        assertThat(Long.parseLong(m.get("deltaCycles"))).isPositive();
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
