package io.uts4j.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Launching a child process and waiting for it, from a JMH worker. The subclasses differ only in
 * their {@code @Fork}: no agent, the agent with a kernel-namespace tenant whose rule misses the
 * worker ("unbound"), and the same tenant with a rule matching it ("bound"), whose launches the
 * agent hands to a thread inside the tenant's namespace.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public abstract class ProcessLaunchBenchmark {
    ProcessBuilder trueCommand = new ProcessBuilder("true");

    /** A child of the worker must see the tenant's kernel hostname when bound, the host's otherwise. */
    @Setup
    public void checkChildHostname() throws Exception {
        boolean bound = Boolean.getBoolean("uts4j.bench.bound");
        // Read by the worker itself, so it is the name of the namespace the worker lives in.
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
        if (host.equals(KernelTenant.HOSTNAME)) {
            throw new IllegalStateException("the host is named " + host + " like the tenant: the check below would prove nothing");
        }
        String expected = bound ? KernelTenant.HOSTNAME : host;
        String seen = KernelTenant.output("hostname");
        if (!seen.equals(expected)) {
            throw new IllegalStateException("a child of thread " + Thread.currentThread().getName() + " prints hostname "
                    + seen + " but this fork expects " + expected + " (" + (bound ? "" : "not ") + "bound)");
        }
    }

    @Benchmark
    public int launch() throws Exception {
        return trueCommand.start().waitFor();
    }
}
