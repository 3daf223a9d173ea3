package io.uts4j.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JDK the forked JVMs run on: the one running the tests, and JDK 25 where the machine has it. */
record Jdk(String name, Path java, int feature) {
    static Jdk current() {
        return new Jdk("jdk" + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"),
                Runtime.version().feature());
    }

    static List<Jdk> available() {
        List<Jdk> jdks = new ArrayList<>(List.of(current()));
        String home = System.getProperty("uts4j.jdk25", "");
        Path java = Path.of(home, "bin", "java");
        if (!home.isEmpty() && Files.isExecutable(java)) jdks.add(new Jdk("jdk25", java, 25));
        return jdks;
    }

    static Jdk withVirtualThreads() {
        return available().stream().filter(j -> j.feature() >= 21).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return name;
    }
}
