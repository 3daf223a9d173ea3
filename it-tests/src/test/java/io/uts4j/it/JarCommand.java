package io.uts4j.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the built agent jar as a program, {@code java -jar uts4j-agent.jar <command>}, as a user would. */
final class JarCommand {
    private static final long TIMEOUT_SECONDS = 120;

    private final Jdk jdk;
    private final List<String> prefix = new ArrayList<>();
    private Path jar = ForkedJvm.AGENT_JAR;

    private JarCommand(Jdk jdk) {
        this.jdk = jdk;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run mvn -B verify from the top)");
        }
    }

    static JarCommand on(Jdk jdk) {
        return new JarCommand(jdk);
    }

    /** Runs as user nobody, from a copy of the jar that nobody may read, in a folder of {@code dir}. */
    JarCommand asNobody(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path folder = Files.createDirectories(dir.resolve("world-readable"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.copy(ForkedJvm.AGENT_JAR, folder.resolve("uts4j-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        prefix.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        return this;
    }

    Path jar() {
        return jar;
    }

    ForkedJvm.Result run(String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(jdk.java().toString(), "-jar", jar.toString()));
        cmd.addAll(Arrays.asList(args));
        return ForkedJvm.exec(cmd, TIMEOUT_SECONDS);
    }
}
