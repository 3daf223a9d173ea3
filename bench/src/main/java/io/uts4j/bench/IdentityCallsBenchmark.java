package io.uts4j.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK calls the agent advises, timed from a JMH worker thread. The subclasses differ only in
 * their {@code @Fork}: no agent, the agent with tenants whose rules miss the worker ("unbound"), and
 * the agent with a tenant whose rule matches the worker ("bound").
 *
 * <p>The tenant overrides {@code os.name} and {@code FOO} (and so {@code HOSTNAME}), never
 * {@code java.version} or {@code PATH}: those two measure the path every unbound call takes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class IdentityCallsBenchmark {
    /** Relative to the repository root, where the benchmarks must be started from. */
    static final String AGENT = "-javaagent:agent/target/uts4j-agent.jar=kernel=off";
    static final String TENANT_HOSTNAME = "tenant-host";
    static final String TENANT = ",tenant.t.hostname=" + TENANT_HOSTNAME
            + ",tenant.t.address=10.11.12.13,tenant.t.property.os.name=TenantOS,tenant.t.env.FOO=bar";
    /** JMH names its workers {@code <benchmark>-jmh-worker-<n>}. */
    static final String AGENT_BOUND = AGENT + TENANT + ",tenant.t.threads=.*jmh-worker.*";
    static final String AGENT_UNBOUND = AGENT + TENANT + ",tenant.t.threads=nomatch";
    /** Tells the fork which identity its worker must see, so a misconfigured run fails instead of measuring the wrong thing. */
    static final String EXPECT_BOUND = "-Duts4j.bench.bound=true";

    // Instance fields, so the JIT cannot fold the keys into constants.
    String javaVersion = "java.version";
    String osName = "os.name";
    String path = "PATH";
    String hostname = "HOSTNAME";

    @Setup
    public void checkBinding() throws UnknownHostException {
        boolean expected = Boolean.getBoolean("uts4j.bench.bound");
        String seen = InetAddress.getLocalHost().getHostName();
        if (expected != TENANT_HOSTNAME.equals(seen)) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName() + " sees hostname "
                    + seen + " but this fork expects it " + (expected ? "" : "not ") + "to be bound");
        }
    }

    @Benchmark
    public String baseline() {
        return javaVersion;
    }

    @Benchmark
    public InetAddress getLocalHost() throws UnknownHostException {
        return InetAddress.getLocalHost();
    }

    @Benchmark
    public String getPropertyJavaVersion() {
        return System.getProperty(javaVersion);
    }

    @Benchmark
    public String getPropertyOsName() {
        return System.getProperty(osName);
    }

    @Benchmark
    public String getenvPath() {
        return System.getenv(path);
    }

    @Benchmark
    public String getenvHostname() {
        return System.getenv(hostname);
    }
}
