package io.uts4j.agent.config;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shapes of the names a configuration holds — tenant ids, environment variable names, class
 * names — checked by hand rather than by {@link java.util.regex.Pattern}: this runs in premain, where
 * compiling patterns (and the lambdas some of their classes spin) costs milliseconds of every start.
 */
final class NameSyntax {
    static final int MAX_TENANT_ID = 64;

    private NameSyntax() {}

    /** 1 to 64 ASCII letters, digits, '_' or '-'. */
    static boolean isTenantId(String s) {
        if (s.isEmpty() || s.length() > MAX_TENANT_ID) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') return false;
        }
        return true;
    }

    /** An ASCII letter or '_', then ASCII letters, digits, '_', '.' or '-'. */
    static boolean isEnvName(String s) {
        if (s.isEmpty()) return false;
        char first = s.charAt(0);
        if (!isAsciiLetter(first) && first != '_') return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '_' && c != '.' && c != '-') return false;
        }
        return true;
    }

    /**
     * Dot-separated identifiers, each a letter, '_' or '$' followed by letters, numbers, '_' or '$'
     * (letters and numbers of any script, as {@code \p{L}} and {@code \p{N}} mean).
     */
    static boolean isClassName(String s) {
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '.') {
                if (start) return false;
                start = true;
            } else if (start) {
                if (!Character.isLetter(cp) && cp != '_' && cp != '$') return false;
                start = false;
            } else if (!Character.isLetter(cp) && !isNumber(cp) && cp != '_' && cp != '$') {
                return false;
            }
        }
        return !start;
    }

    /** A list of names separated by commas or white space ({@code [,\s]+}), in order, without repeats. */
    static Set<String> names(String value) {
        Set<String> out = new LinkedHashSet<>();
        int from = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || isSeparator(value.charAt(i));
            if (separator && from >= 0) {
                out.add(value.substring(from, i));
                from = -1;
            } else if (!separator && from < 0) {
                from = i;
            }
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }

    private static boolean isNumber(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }
}
