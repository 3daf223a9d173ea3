package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.TenantChildReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the agent may reach, and what it must not open to the application. Kernel mode loads a
 * native library (JNA's): from JDK 22 on the JVM grants that per module, and the agent grants it to
 * JNA's own module in its own layer — no warning, no command-line flag, and nothing opened to the
 * application's class path: a class compiled against {@code jdk.internal.misc} still cannot use it.
 */
class NativeAccessTest {
    @TempDir
    static Path dir;
    static String hostname;

    @BeforeAll
    static void kernel() {
        Kernel.assumeAvailable();
        hostname = io.uts4j.it.apps.Children.run("hostname");
    }

    @ParameterizedTest(name = "--illegal-native-access={0}")
    @ValueSource(strings = {"warn", "deny"})
    void kernelModeOnJdk25NeedsNoFlagAndPrintsNoWarning(String mode) {
        ForkedJvm.Result r = ForkedJvm.on(Jdk.jdk25()).agent("kernel=required,tenant.alpha.hostname=alpha,"
                + "tenant.alpha.threads=alpha-.*").jvmArgs("--illegal-native-access=" + mode)
                .run(TenantChildReport.class).assertSuccess();
        assertThat(r.report().get("alpha")).as(r.toString()).containsEntry("hostname", "alpha");
        assertThat(r.report().get("main")).as(r.toString()).containsEntry("hostname", hostname);
        assertThat(r.unexpectedStderr()).as("no JVM warning: " + r).isEmpty();
    }

    /**
     * A start that waits for its namespaces loads JNA with settings of its own (no {@code ldconfig},
     * JNA's library unpacked into a private folder): the application sees none of them afterwards,
     * keeps the one it set itself, and no file is left in the temporary folder.
     */
    @Test
    void kernelModeStartLeavesNoJnaSettingAndNoFileBehind() throws Exception {
        for (Jdk jdk : Jdk.available()) {
            for (boolean ownSetting : new boolean[] {false, true}) {
                Path tmp = Files.createDirectories(dir.resolve("tmp-" + jdk.feature() + "-" + ownSetting));
                ForkedJvm jvm = ForkedJvm.on(jdk).agent("kernel=required,tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*")
                        .jvmArgs("-Djava.io.tmpdir=" + tmp, "-Duser.home=" + tmp.resolveSibling(tmp.getFileName() + "-home"));
                if (ownSetting) jvm.jvmArgs("-Djna.nounpack=false");
                ForkedJvm.Result r = jvm.run(io.uts4j.it.apps.JnaTraces.class).assertSuccess();
                assertThat(r.report().get("alpha")).as(r.toString()).containsEntry("hostname", "alpha");
                assertThat(r.report().get("main")).as(r.toString())
                        .containsEntry("jna.platform.library.path", "unset")
                        .containsEntry("jna.boot.library.path", "unset")
                        .containsEntry("jna.nounpack", ownSetting ? "false" : "unset");
                try (var left = Files.list(tmp)) {
                    assertThat(left).as(jdk + ": what the start left in java.io.tmpdir").isEmpty();
                }
            }
        }
    }

    /** The application gets no JDK internal the agent uses: as without the agent, IllegalAccessError. */
    @Test
    void applicationCompiledAgainstJdkInternalsStillCannotUseThem() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("UsesUnsafe.java"), """
                public class UsesUnsafe {
                    public static void main(String[] args) {
                        try {
                            System.out.println("got " + jdk.internal.misc.Unsafe.getUnsafe());
                        } catch (IllegalAccessError e) {
                            System.out.println("refused: " + e.getMessage());
                        }
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "--add-exports",
                "java.base/jdk.internal.misc=ALL-UNNAMED", "-d", classes.toString(), src.resolve("UsesUnsafe.java").toString());
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        for (Jdk jdk : Jdk.available()) {
            for (String agent : new String[] {null, "kernel=required,tenant.alpha.hostname=alpha"}) {
                ForkedJvm jvm = ForkedJvm.on(jdk).classpath(classes.toString());
                if (agent != null) jvm.agent(agent);
                ForkedJvm.Result r = jvm.run("UsesUnsafe");
                assertThat(r.stdout()).as(jdk + (agent == null ? " without" : " with") + " the agent\n" + r)
                        .startsWith("refused: ").contains("does not export jdk.internal.misc to unnamed module");
            }
        }
    }

}
