package io.uts4j.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the build. */
public final class Version {
    private Version() {}

    public static String of() {
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
