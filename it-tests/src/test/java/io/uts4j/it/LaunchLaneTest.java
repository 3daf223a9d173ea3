package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.LaunchBesideLongTasks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reliability (issue 12, row 3): long {@code callInNamespace} tasks do not hold up the tenant's
 * process launches. Deterministic: the tasks wait on a latch that the checker releases only after
 * all launches returned, so a launch queued behind them would never return (and the checker's
 * bounded wait for it fails). Before the fix, launches shared the tasks' lane; and until this
 * branch, a launch whose child had already exited read the namespace's names through that lane.
 */
class LaunchLaneTest {
    static final String ALPHA = "kernel=required,tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*";

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
    }

    @Test
    void launchesReturnWhileLongTasksHoldTheTenantsTaskLane() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent(ALPHA).run(LaunchBesideLongTasks.class, "8", "200");
        Map<String, String> m = r.report().get("lanes");
        assertThat(m).as(r.toString()).isNotNull().containsEntry("launchesSaw", "(true),alpha")
                .containsEntry("tasksEndedAtLaunch", "0").containsEntry("tasks", "8").containsEntry("tasksSaw", "alpha");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }
}
