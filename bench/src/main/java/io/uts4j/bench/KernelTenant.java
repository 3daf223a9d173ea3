package io.uts4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The tenant of the kernel-namespace benchmarks: {@code t}, with a real UTS namespace whose hostname
 * is {@value #HOSTNAME}, and what their forks pass to the agent.
 */
final class KernelTenant {
    static final String ID = "t";
    static final String HOSTNAME = "bench-tenant";
    /** {@code kernel=required}: a fork that cannot make the namespace fails at start instead of measuring the Java-level path. */
    private static final String AGENT = "-javaagent:agent/target/uts4j-agent.jar=kernel=required,tenant.t.hostname=" + HOSTNAME;
    /** JMH names its workers {@code <benchmark>-jmh-worker-<n>}. */
    static final String AGENT_BOUND = AGENT + ",tenant.t.threads=.*jmh-worker.*";
    static final String AGENT_UNBOUND = AGENT + ",tenant.t.threads=nomatch";
    /** Tells the fork its worker must be bound (see {@link IdentityCallsBenchmark#EXPECT_BOUND}). */
    static final String EXPECT_BOUND = IdentityCallsBenchmark.EXPECT_BOUND;

    private KernelTenant() {}

    /** Runs a command from the calling thread and returns its standard output, trimmed; fails unless it exits 0 within 10 s. */
    static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within 10 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
