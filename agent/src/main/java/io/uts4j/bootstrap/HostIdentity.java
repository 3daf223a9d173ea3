package io.uts4j.bootstrap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real host's identity, as the JDK reports it to an unbound thread. */
public final class HostIdentity {
    private HostIdentity() {}

    /** The host's local address (JDK-cached); the loopback address where the hostname does not resolve. */
    public static InetAddress address() {
        try (ScopeFrame ignored = ScopeFrame.open(null)) {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /** The host's hostname, as {@code InetAddress.getLocalHost().getHostName()} gives it unbound. */
    public static String hostname() {
        return address().getHostName();
    }

    /** The host's domain name, or null when the kernel holds none ({@code (none)}) or cannot say. */
    public static String domainname() {
        try {
            String d = new String(Files.readAllBytes(Path.of("/proc/sys/kernel/domainname")),
                    StandardCharsets.UTF_8).trim();
            return d.isEmpty() || d.equals("(none)") ? null : d;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
