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
     * made visible (a newline as backslash-n, others as a backslash-u escape), at most {@value #SHOWN}
     * characters in all, escapes included (never half a surrogate pair), then how long it was.
     */
    public static String shown(String text) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            String piece;
            if (c == '\n') {
                piece = "\\n";
            } else if (c == '\r') {
                piece = "\\r";
            } else if (c == '\t') {
                piece = "\\t";
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                piece = text.substring(i, i + 2);
            } else if (hidden(c)) {
                piece = String.format("\\u%04x", (int) c);
            } else {
                piece = String.valueOf(c);
            }
            if (b.length() + piece.length() > SHOWN) break;
            b.append(piece);
            i += piece.length() == 2 && Character.isHighSurrogate(piece.charAt(0)) ? 2 : 1;
        }
        if (i < text.length()) b.append("…(").append(text.length()).append(" characters)");
        return b.toString();
    }

    /** Control (C0 and C1), formatting, unassigned, lone surrogate, or whitespace other than a space. */
    private static boolean hidden(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || Character.isWhitespace(c) && c != ' ';
    }
}
