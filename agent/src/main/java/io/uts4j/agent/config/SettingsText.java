package io.uts4j.agent.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** One tenant's settings written as text, {@code key=value,key=value} (a comma in a value: {@code \,}), as JMX takes them. */
public final class SettingsText {
    static final String ORIGIN = "added at run time";

    private SettingsText() {}

    public static Map<String, String> parse(String text) throws ConfigException {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : ConfigSources.parseArgs(text == null ? "" : text, ORIGIN)) {
            if (m.put(s.key(), s.value()) != null) {
                throw new ConfigException("key '" + ConfigException.shown(s.key()) + "' (" + ORIGIN
                        + ") is given twice; valid: each key once");
            }
        }
        return m;
    }
}
