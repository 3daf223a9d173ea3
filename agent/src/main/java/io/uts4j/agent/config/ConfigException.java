package io.uts4j.agent.config;

/** Invalid configuration: the message names the key, the value, and what would be valid. One line. */
public final class ConfigException extends Exception {
    /** At most this much of a value is quoted in a message. */
    static final int SHOWN = 80;

    public ConfigException(String message) {
        super(message);
    }

    static ConfigException badValue(Setting s, String problem, String valid) {
        return new ConfigException("key '" + shown(s.key()) + "' (" + s.origin() + ") has value '" + shown(s.value())
                + "': " + problem + "; " + valid);
    }

    /**
     * A key or value as a message may quote it: on one line, with invisible and control characters
     * made visible (a newline as backslash-n, others as a backslash-u escape), and at most {@value #SHOWN} characters of it.
     */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(text.length(), SHOWN);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || Character.isWhitespace(c) && c != ' ') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (text.length() > n) b.append("…(").append(text.length()).append(" characters)");
        return b.toString();
    }
}
