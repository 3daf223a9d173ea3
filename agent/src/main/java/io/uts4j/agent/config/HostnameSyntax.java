package io.uts4j.agent.config;

import java.nio.charset.StandardCharsets;

/**
 * RFC 1123 host names, within the kernel's HOST_NAME_MAX of 64 bytes, that no resolver reads as an
 * IPv4 address: RFC 1123 (2.1) keeps the last label from being all digits, and the C library's
 * {@code inet_aton} also reads names such as {@code 0x7f.1} (up to four labels, each a decimal,
 * octal or {@code 0x} hex number) as addresses. A name that is an address would resolve to that
 * address, whatever the tenant's {@code address} says.
 */
final class HostnameSyntax {
    static final int MAX_BYTES = 64;
    static final String VALID = "valid: dot-separated labels of 1 to 63 letters, digits or hyphens, "
            + "not starting or ending with a hyphen, the last not all digits, at most " + MAX_BYTES + " bytes in all";
    private static final int MAX_LABEL = 63;

    private HostnameSyntax() {}

    /** What is wrong with the name, or null when it is valid. */
    static String problem(String name) {
        if (name.isEmpty()) return "it is empty";
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) return "it is " + bytes + " bytes long";
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!isLabel(label)) {
                return label.isEmpty() ? "it has an empty label"
                        : "label '" + ConfigException.shown(label) + "' is not valid";
            }
        }
        if (isDigits(labels[labels.length - 1])) {
            return "it is an IP address (its last label is all digits)";
        }
        if (labels.length <= 4 && allNumbers(labels)) return "it is an IP address (every label a number)";
        return null;
    }

    private static boolean allNumbers(String[] labels) {
        for (String label : labels) {
            if (!isCNumber(label)) return false;
        }
        return true;
    }

    /** 1 to 63 ASCII letters, digits or hyphens, not starting or ending with a hyphen. */
    private static boolean isLabel(String s) {
        if (s.isEmpty() || s.length() > MAX_LABEL || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!NameSyntax.isAsciiLetterOrDigit(c) && c != '-') return false;
        }
        return true;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!NameSyntax.isAsciiDigit(s.charAt(i))) return false;
        }
        return true;
    }

    /** A number as inet_aton reads one: decimal, octal (leading 0) or hex ({@code 0x}, digits optional). */
    private static boolean isCNumber(String s) {
        if (isDigits(s)) return true;
        if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) return false;
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!NameSyntax.isAsciiDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) return false;
        }
        return true;
    }
}
