package io.uts4j.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether bound threads of different tenants scale: the fast path must write nothing shared, so two
 * threads (JMH's workers 1 and 2, bound to tenants {@code one} and {@code two}) must do nearly twice
 * the calls of one. Compare {@code oneThread} with {@code twoThreads} (ops/us, summed over threads).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/uts4j-agent.jar=kernel=off"
        + ",tenant.one.hostname=one,tenant.one.threads=.*jmh-worker-1,tenant.one.property.os.name=OneOS"
        + ",tenant.two.hostname=two,tenant.two.threads=.*jmh-worker-2,tenant.two.property.os.name=TwoOS")
@State(Scope.Thread)
public class ThroughputBenchmark {
    String key = "os.name";

    @Setup
    public void checkBinding() throws UnknownHostException {
        String name = Thread.currentThread().getName();
        String expected = name.endsWith("-1") ? "one" : name.endsWith("-2") ? "two" : null;
        String seen = InetAddress.getLocalHost().getHostName();
        if (!seen.equals(expected)) {
            throw new IllegalStateException("thread " + name + " sees " + seen + ", not tenant " + expected);
        }
    }

    @Benchmark
    @Threads(1)
    public String oneThread() {
        return System.getProperty(key);
    }

    @Benchmark
    @Threads(2)
    public String twoThreads() {
        return System.getProperty(key);
    }
}
