package io.uts4j.kernel;

import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.charset.StandardCharsets;

/** Checks a host or domain name before the kernel sees it, so the message can say exactly what is wrong. */
final class NameRules {

    /** HOST_NAME_MAX: the kernel stores 64 bytes and a terminating NUL. */
    static final int MAX_BYTES = 64;

    private NameRules() {
    }

    /**
     * @param kind  {@code "hostname"} or {@code "domainname"}, for the message
     * @return the UTF-8 bytes to hand to the kernel
     * @throws NamespaceException with reason INVALID if the name is null, empty, too long or holds a NUL
     */
    static byte[] encode(String kind, String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(kind, name, "must not be " + (name == null ? "null" : "empty"));
        }
        // A NUL would be stored, but every reader stops at it: the name read back would differ.
        if (name.indexOf('\0') >= 0) {
            throw invalid(kind, name, "must not contain a NUL character");
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw invalid(kind, name, "is " + bytes.length + " bytes long; the kernel allows at most "
                    + MAX_BYTES + " (HOST_NAME_MAX)");
        }
        return bytes;
    }

    private static NamespaceException invalid(String kind, String name, String problem) {
        String shown = name == null ? "null" : '"' + name + '"';
        return new NamespaceException(Reason.INVALID, null, 0,
                "set " + kind + " " + shown + " rejected: the " + kind + " " + problem, null);
    }
}
