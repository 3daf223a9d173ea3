package io.uts4j.agent;

import io.uts4j.agent.config.AgentConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where woven JDK classes are kept between starts. */
final class CacheLocation {
    private CacheLocation() {}

    /**
     * The configured folder; by default {@code uts4j-cache} beside the agent jar where that folder
     * can be written (it is then as trusted as the jar), else {@code ~/.cache/uts4j}; null for none.
     */
    /** The agent jar the isolated part was loaded from. */
    static Path agentJar() {
        try {
            return Path.of(CacheLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path of(AgentConfig config) {
        String c = config.cache();
        if (AgentConfig.CACHE_OFF.equals(c)) return null;
        if (c != null) return Path.of(c);
        try {
            Path jar = agentJar();
            Path beside = jar.resolveSibling("uts4j-cache");
            if (Files.isDirectory(beside) || Files.isWritable(jar.getParent())) return beside;
        } catch (Exception e) {
            // fall through to the user's cache
        }
        String home = System.getProperty("user.home");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "uts4j");
    }
}
