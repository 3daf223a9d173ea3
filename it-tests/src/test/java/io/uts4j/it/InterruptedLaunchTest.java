package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.InterruptedLaunchCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability (issue 12, row 2): a tenant's process launch and interrupts behave as the JDK's own
 * launch does, which this test checks in the same run without the agent: the process starts, the
 * interrupt flag stays set, and every child that ran was handed back to its caller. Before the
 * fix, an interrupted launch threw {@code IOException(InterruptedException)} with the flag cleared,
 * and about half the children interrupted during the call ran unseen.
 */
class InterruptedLaunchTest {
    static final int LAUNCHES = 200;
    static final String TENANT = "kernel=required,tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*";

    @TempDir
    Path dir;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void anInterruptedLaunchStartsTheProcessKeepsTheFlagAndOrphansNothing(Jdk jdk) throws Exception {
        for (String agent : new String[] {null, TENANT}) {
            Path pids = Files.createDirectory(dir.resolve(agent == null ? "without-agent" : "with-agent"));
            ForkedJvm jvm = ForkedJvm.on(jdk);
            if (agent != null) jvm.agent(agent);
            ForkedJvm.Result r = jvm.run(InterruptedLaunchCheck.class, pids.toString(), String.valueOf(LAUNCHES))
                    .assertSuccess();
            String n = String.valueOf(LAUNCHES);
            Map<String, String> preset = r.report().get("preset");
            Map<String, String> racing = r.report().get("racing");
            System.out.println(jdk + (agent == null ? " without" : " with") + " the agent: " + preset + " " + racing);
            assertThat(preset).as(r.toString()).containsEntry("started", n).containsEntry("flagKept", n)
                    .containsEntry("childrenRan", n);
            assertThat(racing).as(r.toString()).containsEntry("handedBack", n).containsEntry("exceptions", "0")
                    .containsEntry("flagLost", "0").containsEntry("childrenRan", n).containsEntry("orphans", "0")
                    .containsEntry("handedBackButNeverRan", "0");
            // The race was run: interrupts landed inside the call, not only around it.
            assertThat(Long.parseLong(racing.get("interruptedDuring"))).as(r.toString()).isPositive();
        }
    }
}
