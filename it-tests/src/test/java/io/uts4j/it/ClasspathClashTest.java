package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.uts4j.it.apps.ClashCheck;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's own Byte Buddy, ASM and JNA never meet an application's other versions of them. */
class ClasspathClashTest {
    static Stream<Jdk> jdks() {
        return Jdk.available().stream();
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void applicationUsesItsOwnVersionsWhileTheAgentWorks(Jdk jdk) {
        ForkedJvm.Result r = ForkedJvm.on(jdk)
                .agent("tenant.alpha.hostname=alpha,tenant.alpha.threads=alpha-.*")
                .run(ClashCheck.class).assertSuccess();
        Map<String, String> app = r.report().get("app");
        assertThat(app).as(r.toString())
                .containsEntry("bytebuddy.result", "made by the app's Byte Buddy")
                .containsEntry("asm.className", "io/uts4j/it/apps/ClashCheck")
                .containsEntry("jna.version", System.getProperty("uts4j.clash.jna", "5.13.0"))
                .containsEntry("jna.getpid", "true")
                .containsEntry("alpha.localHost", "alpha");
        assertThat(app.get("bytebuddy.from")).contains("byte-buddy-1.14.18.jar");
        assertThat(app.get("asm.from")).contains("asm-9.6.jar");
        assertThat(app.get("jna.from")).contains("jna-5.13.0.jar");
    }
}
