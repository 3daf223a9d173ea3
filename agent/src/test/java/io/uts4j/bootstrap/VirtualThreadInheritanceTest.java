package io.uts4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads inherit their creator's tenant, from a thread-per-task executor's factory too,
 * where a platform pool's worker inherits nothing. They need JDK 21+, and these tests' JVM is JDK 17:
 * {@link VirtualThreadCheck} runs in a JVM of the JDK that {@code -Duts4j.jdk25} names (the parent
 * pom's default), with the bootstrap patched into java.base as here. Skipped where there is no such
 * JDK, as the forked-JVM it-tests are (CI's machine may have only JDK 17).
 */
class VirtualThreadInheritanceTest {
    @Test
    void virtualThreadsInheritButPlatformPoolWorkersDoNot() throws Exception {
        String home = System.getProperty("uts4j.jdk25", "");
        Path java = Path.of(home, "bin", "java");
        Assumptions.assumeTrue(!home.isEmpty() && Files.isExecutable(java), "no JDK 21+ here (-Duts4j.jdk25=<java home>)");

        List<String> command = new ArrayList<>(List.of(java.toString()));
        // The very options this JVM runs with: the bootstrap patched into java.base, its package exported.
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--patch-module") || option.startsWith("--add-exports")) command.add(option);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VirtualThreadCheck.class.getName()));
        Path output = Files.createTempFile("uts4j-virtual", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(Threads.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the forked JVM did not finish within " + Threads.TIMEOUT_SECONDS + " s");
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.lines()).as(String.join(" ", command)).containsExactly(
                    "virtual=api",
                    "virtual-told-not-to-inherit=host",
                    "virtual-per-task-executor=api",
                    "platform-pool=host");
        } finally {
            Files.deleteIfExists(output);
        }
    }

}
