package io.uts4j.it;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * The tenants of the hand-off tests: two bound by name rules ({@code alpha-<n>}, {@code beta-<n>}),
 * each with its own hostname, {@code os.name} and {@code REGION}; and what a task must see for each
 * submitter, in the form {@link io.uts4j.it.apps.Seen} reports it.
 */
final class HandOffTenants {
    private static final Map<String, String> IDENTITIES = Map.of(
            "alpha", "alpha-host|alpha-os|alpha-region",
            "beta", "beta-host|beta-os|beta-region");

    private HandOffTenants() {}

    static String agentArgs() {
        StringBuilder b = new StringBuilder("kernel=off");
        IDENTITIES.forEach((id, identity) -> {
            String[] parts = identity.split("\\|");
            b.append(",tenant.").append(id).append(".threads=").append(id).append("-\\d+")
                    .append(",tenant.").append(id).append(".hostname=").append(parts[0])
                    .append(",tenant.").append(id).append(".property.os.name=").append(parts[1])
                    .append(",tenant.").append(id).append(".env.REGION=").append(parts[2]);
        });
        return b.toString();
    }

    /**
     * A JVM with these tenants and a common pool of 4 workers (on a 2-core machine the JDK would
     * otherwise use a thread per CompletableFuture task, and a lone worker hides every mix-up).
     */
    static ForkedJvm jvm(Jdk jdk, String moreAgentArgs) {
        return ForkedJvm.on(jdk).agent(agentArgs() + moreAgentArgs)
                .jvmArgs("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
    }

    /**
     * What a submitter's tasks must see: {@code alpha-1} alpha's identity, {@code plain-1} the host's;
     * a submitter {@code name@scope} that of its API scope ({@code host} or a tenant).
     */
    static String expected(String submitter) {
        int at = submitter.indexOf('@');
        String owner = at >= 0 ? submitter.substring(at + 1) : submitter.substring(0, submitter.indexOf('-'));
        String identity = IDENTITIES.get(owner);
        return identity != null ? identity : host();
    }

    /** The host's identity: the real hostname, os.name and REGION (which a forked JVM inherits). */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName() + "|" + System.getProperty("os.name") + "|"
                    + System.getenv("REGION");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
