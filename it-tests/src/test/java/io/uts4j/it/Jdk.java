package io.uts4j.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK the forked JVMs run on: the one running the tests (17), and Temurin 25 (virtual threads,
 * JDK 21+ code paths). Where JDK 25 is missing, its tests skip, saying so — but not under CI
 * ({@code UTS4J_REQUIRE_KERNEL=1}), where a missing JDK is a failure: those paths must always run.
 */
record Jdk(String name, Path java, int feature) {
    static Jdk current() {
        return new Jdk("jdk" + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature());
    }

    /** The current JDK and JDK 25 (which is required under CI). */
    static List<Jdk> available() {
        List<Jdk> jdks = new ArrayList<>(List.of(current()));
        Jdk j25 = find25();
        if (j25 != null) {
            jdks.add(j25);
        } else {
            requireUnderCi();
        }
        return jdks;
    }

    /** JDK 25; the test is skipped (failed, under CI) where there is none. */
    static Jdk jdk25() {
        Jdk j = find25();
        if (j == null) {
            requireUnderCi();
            Assumptions.abort("no JDK 25 on this machine (set -Duts4j.jdk25=<java home>)");
        }
        return j;
    }

    /** A JDK with virtual threads (21+): JDK 25. */
    static Jdk withVirtualThreads() {
        return jdk25();
    }

    private static Jdk find25() {
        String home = System.getProperty("uts4j.jdk25", "");
        Path java = Path.of(home, "bin", "java");
        return !home.isEmpty() && Files.isExecutable(java) ? new Jdk("jdk25", java, 25) : null;
    }

    private static void requireUnderCi() {
        if ("1".equals(System.getenv("UTS4J_REQUIRE_KERNEL"))) {
            Assertions.fail("UTS4J_REQUIRE_KERNEL=1 (CI), but there is no JDK 25 at " + System.getProperty("uts4j.jdk25")
                    + ": the JDK 21+ paths (virtual threads, Thread.start(ThreadContainer)) must be tested");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
