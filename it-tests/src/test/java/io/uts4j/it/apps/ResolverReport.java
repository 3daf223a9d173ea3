package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.Map;

/** Threads bound by the configured custom resolver. */
public final class ResolverReport {
    public static void main(String[] args) throws Exception {
        Report.onThread("via-resolver-1", () -> Report.print("resolved", Map.of("name", host())));
        Report.onThread("other-1", () -> Report.print("other", Map.of("name", host())));
    }

    private static String host() {
        return Report.get(() -> InetAddress.getLocalHost().getHostName());
    }
}
