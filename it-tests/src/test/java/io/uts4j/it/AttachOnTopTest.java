package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.VirtualMachine;
import io.uts4j.it.apps.ApiBeforeAttach;
import io.uts4j.it.apps.RunningTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dynamic attach on top of a running uts4j is refused, and says so to the attacher; the first
 * agent's tenants stay as they were. The "already running" guard is not something a command line
 * can set; and an application that loaded the API before a dynamic attach sees the agent after it.
 */
class AttachOnTopTest {
    static final String RUNNING = "kernel=off,tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*";
    static final String ON_TOP = "kernel=off,tenant.alpha.hostname=evil,tenant.alpha.threads=alpha-.*";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void theAttachCommandOnTopIsRefusedInOneLineAndTheTargetPrintsNothing(Jdk jdk) throws Exception {
        try (TargetJvm target = new TargetJvm(ForkedJvm.on(jdk).agent(RUNNING).jvmArgs(quietAttach(jdk))
                .command(RunningTenant.class), dir)) {
            String before = target.awaitReport("ready", 60).get("sees");
            ForkedJvm.Result attach = JarCommand.on(jdk).run("attach", String.valueOf(target.pid()), ON_TOP);
            assertThat(attach.exitCode()).as(attach.toString()).isEqualTo(1);
            assertThat(attach.stdout()).isEmpty();
            assertThat(attach.stderr()).as(attach.toString()).isEqualTo("uts4j: refused: uts4j is already running"
                    + " in this JVM; the configuration given now was ignored\n");
            ForkedJvm.Result r = target.finish();
            assertThat(before).startsWith("alpha ");
            assertThat(r.report().get("final")).as(r.toString()).containsEntry("sees", before);
            assertThat(r.stdout().lines().count()).as("only its own two lines\n" + r).isEqualTo(2);
            assertThat(r.unexpectedStderr()).as(r.toString()).isEmpty();
        }
    }

    @Test
    void aPlainLoadAgentOnTopGetsAnAgentInitializationException() throws Exception {
        try (TargetJvm target = new TargetJvm(ForkedJvm.on(Jdk.current()).agent(RUNNING)
                .command(RunningTenant.class), dir)) {
            String before = target.awaitReport("ready", 60).get("sees");
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(target.pid()));
            try {
                vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), ON_TOP);
                throw new AssertionError("an agent on top of a running uts4j reported success");
            } catch (AgentInitializationException expected) {
                // all a plain attacher can be told
            } finally {
                vm.detach();
            }
            ForkedJvm.Result r = target.finish();
            assertThat(r.report().get("final")).as(r.toString()).containsEntry("sees", before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void anAttachedPropertyOnTheCommandLineDoesNotSwitchTheAgentOff(Jdk jdk) {
        ForkedJvm.Result r = ForkedJvm.on(jdk).agent(RUNNING).jvmArgs("-Duts4j.attached=true")
                .run(RunningTenant.class).assertSuccess();
        assertThat(r.startupLine()).as(r.toString()).startsWith("uts4j ").contains("1 tenant [alpha=alpha]");
        assertThat(r.report().get("ready")).as(r.toString()).containsEntry("sees", "alpha alpha");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.uts4j.it.Jdk#available")
    void anApplicationThatLoadedTheApiBeforeADynamicAttachSeesTheAgentAfterIt(Jdk jdk) throws Exception {
        ForkedJvm jvm = ForkedJvm.on(jdk).jvmArgs(quietAttach(jdk));
        try (TargetJvm target = new TargetJvm(jvm.command(ApiBeforeAttach.class), dir)) {
            Map<String, String> before = target.awaitReport("before", 60);
            ForkedJvm.Result attach = JarCommand.on(jdk).run("attach", String.valueOf(target.pid()), RUNNING);
            assertThat(attach.stdout()).as(attach.toString()).isEqualTo("uts4j: started in JVM " + target.pid() + "\n");
            Map<String, String> after = target.awaitReport("after", 90);
            assertThat(before).as("before").containsEntry("attached", "false");
            assertThat(before.get("current")).startsWith("host ");
            assertThat(after).as("after").containsEntry("attached", "true").containsEntry("current", "alpha alpha")
                    .containsEntry("sees", "alpha alpha");
            target.finish();
        }
    }

    /** JDK 21+ warns about every dynamically loaded agent unless told they are expected. */
    private static String[] quietAttach(Jdk jdk) {
        List<String> flags = new ArrayList<>();
        if (jdk.feature() >= 21) flags.add("-XX:+EnableDynamicAgentLoading");
        return flags.toArray(String[]::new);
    }
}
