package io.uts4j.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** A number as inet_aton reads one: decimal, octal (leading 0) or hex (0x). */
    private static final Pattern C_NUMBER = Pattern.compile("[0-9]+|0[xX][0-9A-Fa-f]*");

    private HostnameSyntax() {}

    /** What is wrong with the name, or null when it is valid. */
    static String problem(String name) {
        if (name.isEmpty()) return "it is empty";
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) return "it is " + bytes + " bytes long";
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return label.isEmpty() ? "it has an empty label"
                        : "label '" + ConfigException.shown(label) + "' is not valid";
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return "it is an IP address (its last label is all digits)";
        }
        if (labels.length <= 4 && allNumbers(labels)) return "it is an IP address (every label a number)";
        return null;
    }

    private static boolean allNumbers(String[] labels) {
        for (String label : labels) {
            if (!C_NUMBER.matcher(label).matches()) return false;
        }
        return true;
    }
}
