package io.uts4j.agent.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The agent jar these commands run from (the isolated class loader's code source). */
final class ThisJar {
    private ThisJar() {}

    static Path path() {
        try {
            return Path.of(ThisJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path to show in a command line: relative to the working folder where the jar is beneath it. */
    static String forCommandLine() {
        Path jar = path();
        Path here = Path.of("").toAbsolutePath();
        return (jar.startsWith(here) ? here.relativize(jar) : jar).toString();
    }
}
