package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code java -jar uts4j-agent.jar doctor}: one line per check, a verdict, and exit 0 only when kernel mode works. */
class DoctorCommandTest {
    private static final List<String> CHECKS = List.of("JDK", "kernel", "CAP_SYS_ADMIN", "namespace limit",
            "UTS namespace");

    @TempDir
    Path dir;

    static List<Jdk> jdks() {
        return Jdk.available();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void everyCheckPassesWhereKernelModeIsAvailable(Jdk jdk) {
        Kernel.assumeAvailable();
        ForkedJvm.Result r = JarCommand.on(jdk).run("doctor").assertSuccess();
        List<String> checks = checkLines(r);
        assertThat(checks).as(r.toString()).hasSize(CHECKS.size()).allMatch(l -> l.startsWith("OK "));
        for (int i = 0; i < CHECKS.size(); i++) assertThat(checks.get(i).substring(4)).startsWith(CHECKS.get(i) + " ");
        assertThat(checks.get(0)).contains(jdk.feature() >= 21 ? "virtual threads available" : "no virtual threads");
        assertThat(r.stdout()).contains("\nverdict: kernel mode is available.");
        assertThat(r.stderr()).as("no JDK warning for JNA either").isEmpty();
    }

    @Test
    void unprivilegedUserIsToldKernelModeIsUnavailableAndWhatIsMissing() throws IOException {
        Kernel.assumeAvailable(); // root, to run as nobody
        ForkedJvm.Result r = JarCommand.on(Jdk.current()).asNobody(dir).run("doctor");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(checkLines(r)).as(r.toString())
                .anyMatch(l -> l.startsWith("NO  CAP_SYS_ADMIN ") && l.contains("not effective"))
                .anyMatch(l -> l.startsWith("NO  UTS namespace ") && l.contains("EPERM"))
                .anyMatch(l -> l.startsWith("OK  JDK "));
        assertThat(r.stdout()).contains("\nverdict: kernel mode is NOT available here.")
                .contains("unshare -Uru java");
    }

    private static List<String> checkLines(ForkedJvm.Result r) {
        return r.stdout().lines().filter(l -> l.startsWith("OK ") || l.startsWith("NO ")).toList();
    }
}
