package io.uts4j.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, as the build wrote it into {@code io/uts4j/agent/build.properties}. */
final class Version {
    private static final String RESOURCE = "/io/uts4j/agent/build.properties";

    private Version() {}

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "unknown (no " + RESOURCE.substring(1) + ")";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
