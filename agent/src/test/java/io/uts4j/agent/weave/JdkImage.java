package io.uts4j.agent.weave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class files of a JDK's java.base, read from its run-time image (the jrt file system): the
 * running JDK's, and JDK 25's where the machine has it ({@code -Duts4j.jdk25}, as the forked-JVM tests).
 */
record JdkImage(String name, FileSystem jrt) {
    static JdkImage running() {
        return new JdkImage("jdk" + Runtime.version().feature(), FileSystems.getFileSystem(URI.create("jrt:/")));
    }

    /** The running JDK's image, and JDK 25's where there is one. */
    static List<JdkImage> available() {
        List<JdkImage> images = new ArrayList<>(List.of(running()));
        String home = System.getProperty("uts4j.jdk25", "");
        if (!home.isEmpty() && Files.isRegularFile(Path.of(home, "lib", "jrt-fs.jar"))) {
            try {
                images.add(new JdkImage("jdk25", FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return images;
    }

    /** A class of java.base by internal name, e.g. {@code java/lang/Thread}. */
    Path classFile(String internalName) {
        return jrt.getPath("modules", "java.base", internalName + ".class");
    }

    boolean has(String internalName) {
        return Files.exists(classFile(internalName));
    }

    byte[] bytes(String internalName) throws IOException {
        return Files.readAllBytes(classFile(internalName));
    }

    /** Every class file of java.base. */
    List<Path> allClasses() throws IOException {
        try (Stream<Path> files = Files.walk(jrt.getPath("modules", "java.base"))) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
