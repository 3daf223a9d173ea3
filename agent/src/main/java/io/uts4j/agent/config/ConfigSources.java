package io.uts4j.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads settings from the agent args ({@code key=value,key=value}, a comma inside a value written
 * {@code \,}) and from the file that {@code config=} names ({@link ConfigFile}). Agent args win over the file.
 */
final class ConfigSources {
    static final String CONFIG_KEY = "config";
    static final String ARGS = "agent args";

    private ConfigSources() {}

    /** All settings, keyed by key, in the order keys first appear: the file first, then the agent args. */
    static Map<String, Setting> read(String agentArgs) throws ConfigException {
        Map<String, Setting> args = new LinkedHashMap<>();
        for (Setting s : parseArgs(agentArgs == null ? "" : agentArgs, ARGS)) {
            Setting earlier = args.putIfAbsent(s.key(), s);
            if (earlier != null) {
                throw new ConfigException("key '" + ConfigException.shown(s.key()) + "' is given twice in the agent "
                        + "args, with values '" + ConfigException.shown(earlier.value()) + "' and '"
                        + ConfigException.shown(s.value()) + "'; valid: each key once in the agent args");
            }
        }
        Map<String, Setting> merged = new LinkedHashMap<>();
        Setting file = args.remove(CONFIG_KEY);
        if (file != null) merged.putAll(ConfigFile.read(file));
        merged.putAll(args);
        return merged;
    }

    /** {@code key=value} items separated by commas, {@code \,} standing for a comma inside one. */
    static List<Setting> parseArgs(String text, String origin) throws ConfigException {
        List<Setting> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                item.append(',');
                i++;
            } else if (c == ',') {
                String entry = TextLimits.strip(item.toString());
                item.setLength(0);
                if (!entry.isEmpty()) out.add(split(entry, origin));
            } else {
                item.append(c);
            }
        }
        return out;
    }

    /** One {@code key=value}, checked against {@link TextLimits}. */
    static Setting split(String entry, String origin) throws ConfigException {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("'" + ConfigException.shown(entry) + "' (" + origin + ") is not a setting; "
                    + "valid: key=value, for example tenant.shop.hostname=shop-1");
        }
        return TextLimits.setting(entry.substring(0, eq), entry.substring(eq + 1), origin);
    }
}
