package jdk.internal.misc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real host's identity, as the JDK reports it to an unbound thread. */
public final class Uts4jHost {
    private Uts4jHost() {}

    /** The host's local address (JDK-cached); the loopback address where the hostname does not resolve. */
    public static InetAddress address() {
        Uts4jBinding.Frame host = Uts4jBinding.open(null);
        try {
            return InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        } finally {
            host.close();
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
