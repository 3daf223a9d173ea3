package io.uts4j.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads settings from the agent args ({@code key=value,key=value}, a comma inside a value written
 * {@code \,}) and from the file that {@code config=} names (one {@code key=value} a line, {@code #}
 * comments; values are taken literally, so a regex is written as-is). Agent args win over the file.
 */
final class ConfigSources {
    static final String CONFIG_KEY = "config";

    private ConfigSources() {}

    /** All settings, keyed by key, in the order keys first appear: the file first, then the agent args. */
    static Map<String, Setting> read(String agentArgs) throws ConfigException {
        Map<String, Setting> args = unique(parseArgs(agentArgs == null ? "" : agentArgs));
        Map<String, Setting> merged = new LinkedHashMap<>();
        Setting file = args.remove(CONFIG_KEY);
        if (file != null) {
            for (Setting s : unique(readFile(file)).values()) merged.put(s.key(), s);
        }
        merged.putAll(args);
        return merged;
    }

    static List<Setting> parseArgs(String text) throws ConfigException {
        List<Setting> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == ',') {
                item.append(',');
                i++;
            } else if (c == ',') {
                String entry = item.toString().trim();
                item.setLength(0);
                if (!entry.isEmpty()) out.add(split(entry, "agent args"));
            } else {
                item.append(c);
            }
        }
        return out;
    }

    private static List<Setting> readFile(Setting config) throws ConfigException {
        Path path = Path.of(config.value());
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw ConfigException.badValue(config, "the file cannot be read (" + e + ")",
                    "valid: the path of a readable UTF-8 file of key=value lines");
        }
        List<Setting> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
            Setting s = split(line, path + ":" + (n + 1));
            if (s.key().equals(CONFIG_KEY)) {
                throw new ConfigException("key 'config' (" + s.origin() + "): a configuration file cannot name "
                        + "another; give 'config' in the agent args only");
            }
            out.add(s);
        }
        return out;
    }

    private static Setting split(String entry, String origin) throws ConfigException {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("'" + entry + "' (" + origin + ") is not a setting; "
                    + "valid: key=value, for example tenant.shop.hostname=shop-1");
        }
        return new Setting(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim(), origin);
    }

    private static Map<String, Setting> unique(List<Setting> settings) throws ConfigException {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        for (Setting s : settings) {
            Setting earlier = byKey.putIfAbsent(s.key(), s);
            if (earlier != null) {
                throw new ConfigException("key '" + s.key() + "' is given twice (" + earlier.origin() + " and "
                        + s.origin() + "), with values '" + earlier.value() + "' and '" + s.value()
                        + "'; valid: each key once per source");
            }
        }
        return byKey;
    }
}
