package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.LaunchChurnCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability (issue 12, row 1): a tenant's threads launch processes while the host adds and
 * removes that tenant every 5 ms. Before the launch lanes' fix a launch queued behind a dedicated
 * thread that could not join the closing namespace never returned, after a few hundred cycles.
 */
class LaunchDuringTenantChurnTest {
    static final int CYCLES = 400;
    static final int LAUNCH_THREADS = 4;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void everyLaunchEndsAndNothingIsLeftBehind(Jdk jdk) {
        String host = Children.run("hostname");
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent("kernel=required")
                .run(LaunchChurnCheck.class, String.valueOf(CYCLES), String.valueOf(LAUNCH_THREADS), host);
        Map<String, String> m = r.report().get("churn");
        assertThat(m).as(r.toString()).isNotNull();
        System.out.println(jdk + " churn: " + m);
        assertThat(r.exitCode()).as("a launch hung\n" + r).isZero();
        assertThat(m).as(r.toString()).containsEntry("hung", "0").containsEntry("wrong", "0")
                .containsEntry("tenants", "").containsEntry("backTo", "true");
        // The race was run: launches went through the tenant's namespace, and the host's, while it came and went.
        assertThat(Long.parseLong(m.get("inTenant"))).as(r.toString()).isPositive();
        assertThat(Long.parseLong(m.get("inHost"))).as(r.toString()).isPositive();
    }
}
