package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.AttachTarget;
import io.uts4j.it.apps.Children;
import io.uts4j.it.apps.RuntimeTenantsReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenants added and removed at run time, JMX, and attaching to a running JVM. */
class RuntimeManagementTest {
    static String host;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
        host = Children.run("hostname");
    }

    @Test
    void tenantsComeAndGoThroughTheApiAndJmx() {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.current()).agent("tenant.alpha.hostname=alpha")
                .jvmArgs("--add-opens", "java.management/java.lang.management=ALL-UNNAMED")
                .run(RuntimeTenantsReport.class).assertSuccess();
        Map<String, String> m = r.report().get("runtime");
        assertThat(m).as(r.toString())
                .containsEntry("mbeanServerAtMain", "false")
                .containsEntry("delta.java", "delta-1").containsEntry("delta.child", "delta-1")
                .containsEntry("jmx.tenants", "alpha,delta")
                .containsEntry("jmx.kernelMode", "on")
                .containsEntry("jmx.delta.hostname", "delta-1").containsEntry("jmx.delta.kernelHostname", "delta-1")
                .containsEntry("jmx.delta.inode", m.get("api.delta.inode"))
                .containsEntry("jmx.delta.launched", "1")
                .containsEntry("epsilon.child", "eps-1").containsEntry("jmx.epsilonRegistered", "true")
                .containsEntry("removed.java", host).containsEntry("removed.child", host)
                .containsEntry("jmx.deltaRegistered", "false")
                .containsEntry("tenants", "alpha,epsilon")
                .containsEntry("deltaThreads", "0");
        assertThat(m.get("badAdd")).isEqualTo("ERR:IllegalArgumentException");
        assertThat(m.get("duplicateAdd")).isEqualTo("ERR:IllegalArgumentException");
        assertThat(m.get("enterUnknown")).isEqualTo("ERR:IllegalArgumentException");
        assertThat(m.get("jmx.refused")).as("the host did all of it: nothing refused").isEqualTo("0");
        assertThat(Long.parseLong(m.get("jmx.delta.handoffs"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(m.get("jmx.delta.p99"))).isPositive();
        assertThat(Long.parseLong(m.get("api.delta.inode"))).isPositive();
    }

    @Test
    void agentAttachedToARunningJvmBindsItsThreads() throws Exception {
        Process target = new ProcessBuilder(Jdk.current().java().toString(), "-cp",
                System.getProperty("surefire.test.class.path"), AttachTarget.class.getName())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            assertThat(readUntil(out, "ready", seen)).as(seen.toString()).isTrue();
            assertThat(readUntil(out, "alpha-1 sees " + host + " child=" + host, seen)).as(seen.toString()).isTrue();

            var vm = com.sun.tools.attach.VirtualMachine.attach(String.valueOf(target.pid()));
            try {
                try {
                    vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), "tenant.alpha.hostname=bad_name");
                    throw new AssertionError("a bad configuration was accepted");
                } catch (com.sun.tools.attach.AgentInitializationException expected) {
                    // reported to the attacher; the target goes on
                }
                vm.loadAgent(ForkedJvm.AGENT_JAR.toString(), "tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*");
            } finally {
                vm.detach();
            }
            assertThat(readUntil(out, "alpha-1 sees alpha child=alpha", seen)).as(seen.toString()).isTrue();
            assertThat(target.isAlive()).isTrue();
        } finally {
            target.destroy();
            target.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean readUntil(BufferedReader out, String wanted, List<String> seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            if (line.equals(wanted)) return true;
        }
        return false;
    }
}
