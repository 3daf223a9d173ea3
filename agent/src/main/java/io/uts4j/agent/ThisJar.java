package io.uts4j.agent;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The agent jar the isolated part was loaded from (its class loader's code source). */
public final class ThisJar {
    private ThisJar() {}

    public static Path path() {
        try {
            return Path.of(ThisJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path to show in a command line: relative to the working folder where the jar is beneath it. */
    public static String forCommandLine() {
        Path jar = path();
        Path here = Path.of("").toAbsolutePath();
        return (jar.startsWith(here) ? here.relativize(jar) : jar).toString();
    }
}
