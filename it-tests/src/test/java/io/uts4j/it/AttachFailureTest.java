package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.AttachedApp;
import io.uts4j.it.apps.Children;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability (issue 12, row 6): a bad configuration attached to a running JVM through
 * {@code java -jar uts4j-agent.jar attach}. The attacher prints one line naming the key and exits
 * non-zero; the target prints nothing and runs on; a corrected attach then works. Before, the target
 * printed a stack trace and the JDK's {@code *** java.lang.instrument ASSERTION FAILED ***} lines.
 */
class AttachFailureTest {
    static String host;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
    }

    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aBadAttachIsOneLineForTheAttacherAndNothingForTheTargetAndACorrectedOneWorks(Jdk jdk) throws Exception {
        ForkedJvm target = ForkedJvm.on(jdk);
        // JDK 21+ warn on a dynamically loaded agent unless allowed: the JVM's own notice, not uts4j's.
        if (jdk.feature() >= 21) target.jvmArgs("-XX:+EnableDynamicAgentLoading");
        try (ForkedServer app = ForkedServer.start(target, AttachedApp.class)) {
            String pid = app.awaitReport("ready", 60).get("pid");
            awaitSeen(app, Map.of("java", host, "child", host));

            Map<String, String> bad = Map.of(
                    "tenant.alpha.hostname=bad_name,tenant.alpha.threads=alpha-.*", "tenant.alpha.hostname",
                    "tenant.alpha.hostnmae=alpha", "tenant.alpha.hostnmae");
            for (Map.Entry<String, String> b : bad.entrySet()) {
                ForkedJvm.Result attach = JarCommand.on(jdk).run("attach", pid, b.getKey());
                assertThat(attach.exitCode()).as(attach.toString()).isNotZero();
                assertThat(attach.stdout()).as(attach.toString()).isEmpty();
                assertThat(attach.stderr().lines().count()).as(attach.toString()).isEqualTo(1);
                assertThat(attach.stderr()).as(attach.toString()).startsWith("uts4j: ").contains(b.getValue());
            }
            assertThat(app.asResult().stderr()).as("the target printed nothing\n" + app).isEmpty();
            assertThat(app.asResult().stdout().lines()).as(app.toString()).allMatch(l -> l.startsWith("@"));

            ForkedJvm.Result good = JarCommand.on(jdk).run("attach", pid,
                    "tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*").assertSuccess();
            assertThat(good.stdout()).isEqualTo("uts4j: started in JVM " + pid + "\n");
            awaitSeen(app, Map.of("java", "alpha", "child", "alpha"));
            assertThat(app.asResult().exitCode()).as("still running").isEqualTo(-1);
            assertThat(app.asResult().unexpectedStderr()).as(app.toString()).isEmpty();
        }
    }

    /** Waits (bounded) until alpha-1's latest report is this. */
    private static void awaitSeen(ForkedServer app, Map<String, String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!wanted.equals(app.asResult().report().get("alpha-1"))) {
            assertThat(System.nanoTime()).as("alpha-1 never saw " + wanted + "\n" + app).isLessThan(deadline);
            assertThat(app.asResult().exitCode()).as("the target exited\n" + app).isEqualTo(-1);
            Thread.sleep(50);
        }
    }
}
