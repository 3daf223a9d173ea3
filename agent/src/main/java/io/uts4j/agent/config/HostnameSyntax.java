package io.uts4j.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** RFC 1123 host names, within the kernel's HOST_NAME_MAX of 64 bytes. */
final class HostnameSyntax {
    static final int MAX_BYTES = 64;
    static final String VALID = "valid: dot-separated labels of 1 to 63 letters, digits or hyphens, "
            + "not starting or ending with a hyphen, at most " + MAX_BYTES + " bytes in all";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private HostnameSyntax() {}

    /** What is wrong with the name, or null when it is valid. */
    static String problem(String name) {
        if (name.isEmpty()) return "it is empty";
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) return "it is " + bytes + " bytes long";
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return label.isEmpty() ? "it has an empty label" : "label '" + label + "' is not valid";
            }
        }
        return null;
    }
}
