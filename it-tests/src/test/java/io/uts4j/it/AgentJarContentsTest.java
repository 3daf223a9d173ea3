package io.uts4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent jar holds at its root only what the application class loader may see: the public API
 * and the (non-public) launcher. Everything else is under inst/ as .classdata, which no class loader
 * but the agent's reads: the bootstrap (inst/boot/, defined into java.base at start), the
 * implementation (inst/io/uts4j/...), and JNA (inst/jna/, a module layer of the agent's own).
 * Anything else found is a packaging mistake that could clash with an application, or widen what
 * it can reach.
 */
class AgentJarContentsTest {
    static final List<String> API = List.of("io.uts4j.Uts4j", "io.uts4j.Uts4jControl", "io.uts4j.TenantScope",
            "io.uts4j.Identity", "io.uts4j.TenantResolver");
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("META-INF/(MANIFEST\\.MF)?"),
            Pattern.compile("io/(uts4j/(launch/)?)?"),
            Pattern.compile("io/uts4j/[A-Za-z0-9$]+\\.class"),
            Pattern.compile("io/uts4j/launch/[A-Za-z0-9$]+\\.class"),
            Pattern.compile("inst/([^/]+/)*"),
            Pattern.compile("inst/io/uts4j/[A-Za-z0-9$/_-]+\\.classdata"),
            Pattern.compile("inst/io/uts4j/agent/build\\.properties"),
            Pattern.compile("inst/boot/(jdk/internal/misc|java/util/concurrent|io/uts4j/link)/Uts4j[A-Za-z0-9$]*\\.classdata"),
            Pattern.compile("inst/boot/io/uts4j/link/AgentLink\\.classdata"),
            Pattern.compile("inst/boot/classes\\.txt"),
            Pattern.compile("inst/jna/com/sun/jna/[A-Za-z0-9$/_-]+\\.classdata"),
            Pattern.compile("inst/jna/com/sun/jna/linux-(x86-64|aarch64)/libjnidispatch\\.so"),
            Pattern.compile("inst/jna/META-INF/(LICENSE|AL2\\.0|LGPL2\\.1)"));

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
        assertThat(names).as("each part present")
                .contains("inst/io/uts4j/agent/Agent.classdata", "inst/boot/jdk/internal/misc/Uts4jDispatcher.classdata",
                        "inst/boot/io/uts4j/link/AgentLink.classdata", "inst/jna/com/sun/jna/Native.classdata",
                        "inst/io/uts4j/kernel/UtsNamespace.classdata",
                        "inst/jna/com/sun/jna/linux-x86-64/libjnidispatch.so");
        assertThat(names).as("no class file outside the API and the launcher")
                .filteredOn(n -> n.endsWith(".class"))
                .allMatch(n -> n.startsWith("io/uts4j/"));
    }

    /** What an application compiling against the agent jar could use: the API's classes, and nothing else. */
    @Test
    void theOnlyPublicClassesAreTheApis() throws Exception {
        List<String> publicClasses = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.AGENT_JAR.toFile());
             URLClassLoader loader = new URLClassLoader(new URL[] {ForkedJvm.AGENT_JAR.toUri().toURL()},
                     ClassLoader.getPlatformClassLoader())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.getName().endsWith(".class")) continue;
                String name = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                Class<?> c = Class.forName(name, false, loader);
                if (Modifier.isPublic(c.getModifiers())) publicClasses.add(name);
            }
        }
        assertThat(publicClasses).containsExactlyInAnyOrderElementsOf(API);
    }
}
