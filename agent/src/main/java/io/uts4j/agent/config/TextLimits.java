package io.uts4j.agent.config;

/**
 * What every key and value must be, whatever its source (agent args, a file, JMX, {@code addTenant}):
 * bounded, and free of characters that end a C string, break a line or hide in a key.
 *
 * <ul>
 *   <li>Spaces, tabs and line breaks around a key or value are ignored.</li>
 *   <li>A value may hold no control character (U+0000–U+001F, U+007F–U+009F) other than tab, no line or
 *       paragraph separator (U+2028, U+2029), and no lone surrogate. NUL would cut an environment
 *       variable, a hostname or a path short in C; a line break would split a message or a child's
 *       environment line. Tab is allowed: it is ordinary in environment values and stays on one line.</li>
 *   <li>A key may hold none of those, no tab, and no invisible formatting character (such as a byte
 *       order mark or a zero-width space): a key is a name, and two names that print alike must be one.</li>
 *   <li>A value is at most {@value #MAX_VALUE_BYTES} bytes in UTF-8, so {@code NAME=value} fits the
 *       kernel's 128 KiB limit on one environment string (MAX_ARG_STRLEN); a key at most
 *       {@value #MAX_KEY_CHARS} characters.</li>
 * </ul>
 */
final class TextLimits {
    static final int MAX_KEY_CHARS = 512;
    static final int MAX_VALUE_BYTES = 65_536;
    static final String VALUE_VALID = "valid: text without control characters (tab allowed), at most "
            + MAX_VALUE_BYTES + " bytes in UTF-8";

    private TextLimits() {}

    /** A setting whose key and value, stripped, are within the limits. */
    static Setting setting(String key, String value, String origin) throws ConfigException {
        String k = strip(key);
        String v = strip(value);
        if (k.length() > MAX_KEY_CHARS) {
            throw new ConfigException("key '" + ConfigException.shown(k) + "' (" + origin + ") is too long; valid: "
                    + "keys of at most " + MAX_KEY_CHARS + " characters");
        }
        int bad = firstBad(k, true);
        if (bad >= 0) {
            throw new ConfigException("key '" + ConfigException.shown(k) + "' (" + origin + ") contains "
                    + describe(k, bad) + "; valid: keys of visible characters, such as tenant.shop.hostname");
        }
        Setting s = new Setting(k, v, origin);
        bad = firstBad(v, false);
        if (bad >= 0) throw ConfigException.badValue(s, "it contains " + describe(v, bad), VALUE_VALID);
        int bytes = utf8Length(v);
        if (bytes > MAX_VALUE_BYTES) throw ConfigException.badValue(s, "it is " + bytes + " bytes long", VALUE_VALID);
        return s;
    }

    /** The text without the spaces, tabs and line breaks around it. */
    static String strip(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isPadding(text.charAt(from))) from++;
        while (to > from && isPadding(text.charAt(to - 1))) to--;
        return text.substring(from, to);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The index of the first character not allowed, or -1. */
    private static int firstBad(String text, boolean key) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL && (key || c != '\t')) return i;
            if (c == '\u2028' || c == '\u2029') return i;
            if (key && type == Character.FORMAT) return i;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) return i;
        }
        return -1;
    }

    private static String describe(String text, int at) {
        char c = text.charAt(at);
        String what = Character.isSurrogate(c) ? "a lone surrogate"
                : Character.getType(c) == Character.FORMAT ? "invisible character" : "control character";
        return what + String.format(" U+%04X at index %d", (int) c, at);
    }

    /** Bytes in UTF-8, counted without encoding (a lone surrogate, refused elsewhere, counts as 3). */
    static int utf8Length(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
