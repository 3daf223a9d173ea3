package io.uts4j.agent.config;

/** Invalid configuration: the message names the key, the value, and what would be valid. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    static ConfigException badValue(Setting s, String problem, String valid) {
        return new ConfigException("key '" + s.key() + "' (" + s.origin() + ") has value '" + s.value()
                + "': " + problem + "; " + valid);
    }
}
