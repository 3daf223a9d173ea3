package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent jar holds at its root only what must be visible to the application and the JDK (the
 * launcher, the bootstrap part, the public API); everything else is isolated under inst/ as
 * .classdata. Anything else found is a packaging mistake that could clash with an application.
 */
class AgentJarContentsTest {
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("META-INF/(MANIFEST\\.MF)?"),
            Pattern.compile("io/(uts4j/((bootstrap|launch)/)?)?"),
            Pattern.compile("io/uts4j/(Identity|TenantScope|TenantResolver|Uts4j)\\.class"),
            Pattern.compile("io/uts4j/bootstrap/[A-Za-z0-9$]+\\.class"),
            Pattern.compile("io/uts4j/launch/[A-Za-z0-9$]+\\.class"),
            Pattern.compile("inst/([^/]+/)*"),
            Pattern.compile("inst/(io/uts4j|net/bytebuddy|com/sun/jna)/[A-Za-z0-9$/_-]+\\.classdata"),
            Pattern.compile("inst/com/sun/jna/linux-(x86-64|aarch64)/libjnidispatch\\.so"),
            Pattern.compile("inst/META-INF/(LICENSE|NOTICE|AL2\\.0|LGPL2\\.1|licenses/ASM)"),
            Pattern.compile("inst/bootstrap-classes\\.txt"),
            Pattern.compile("inst/io/uts4j/agent/build\\.properties"),
            Pattern.compile("inst/META-INF/services/[A-Za-z.]+"));

    @Test
    void containsOnlyExpectedEntries() throws Exception {
        List<String> unexpected = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                names.add(e.getName());
                if (ALLOWED.stream().noneMatch(p -> p.matcher(e.getName()).matches())) unexpected.add(e.getName());
            }
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("io.uts4j.launch.AgentLauncher");
            assertThat(main.getValue("Agent-Class")).isEqualTo("io.uts4j.launch.AgentLauncher");
            assertThat(main.getValue("Main-Class")).isEqualTo("io.uts4j.launch.CommandLine");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
        assertThat(unexpected).as("unexpected entries in " + ForkedJvm.AGENT_JAR).isEmpty();
        assertThat(names).as("isolated parts present")
                .contains("inst/io/uts4j/agent/Agent.classdata", "inst/net/bytebuddy/ByteBuddy.classdata",
                        "inst/com/sun/jna/Native.classdata", "inst/io/uts4j/kernel/UtsNamespace.classdata",
                        "inst/com/sun/jna/linux-x86-64/libjnidispatch.so");
        assertThat(names).as("no class file outside the bootstrap part")
                .filteredOn(n -> n.endsWith(".class"))
                .allMatch(n -> n.startsWith("io/uts4j/"));
    }
}
