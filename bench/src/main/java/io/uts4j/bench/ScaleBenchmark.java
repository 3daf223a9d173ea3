package io.uts4j.bench;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What binding a thread costs as the number of tenants grows: each operation changes the worker's
 * name (or context class loader) and asks for an overridden key, so the rules are matched again.
 * The tenants come from a configuration file: {@code bench/scale.sh} writes one per size
 * ({@code t<i>} with {@code threads=t<i>-.*} and {@code loader=l<i>}) and runs this class against each
 * with {@code -jvmArgs}; run alone, it has the two tenants the annotation names.
 *
 * <p>The change is made in a scope of the host: a thread bound to a tenant that renames itself is a
 * tenant's code doing so, and keeps its tenant (that is the security rule); the host's code renaming
 * a thread moves it, which is what a server does and what this measures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-javaagent:agent/target/uts4j-agent.jar=kernel=off"
        + ",tenant.t0.hostname=t0,tenant.t0.threads=t0-.*,tenant.t0.loader=l0,tenant.t0.property.os.name=os0"
        + ",tenant.t1.hostname=t1,tenant.t1.threads=t1-.*,tenant.t1.loader=l1,tenant.t1.property.os.name=os1")
@State(Scope.Thread)
public class ScaleBenchmark {
    private static Uts4jControl control;

    String[] names;
    ClassLoader[] loaders;
    String key = "os.name";
    int turn;

    @Setup
    public void prepare() {
        synchronized (ScaleBenchmark.class) {
            if (control == null) control = Uts4j.control();
        }
        int n = control.tenants().size();
        String last = "t" + (n - 1);
        // The last tenant's rule and a name no rule matches: every tenant's rule is looked at.
        names = new String[] {last + "-worker", "nobody-worker"};
        loaders = new ClassLoader[] {new ClassLoader("l" + (n - 1), null) {}, new ClassLoader("nobody", null) {}};
        Thread.currentThread().setName(names[0]);
        if (!Uts4j.currentTenant().orElse("").equals(last)) {
            throw new IllegalStateException("a thread named " + names[0] + " is not bound to " + last
                    + " with " + n + " tenants: is the configuration the one scale.sh writes?");
        }
    }

    @Benchmark
    public String renameThenAsk() {
        try (TenantScope host = control.enterHost()) {
            Thread.currentThread().setName(names[turn++ & 1]);
        }
        return System.getProperty(key);
    }

    @Benchmark
    public String switchLoaderThenAsk() {
        try (TenantScope host = control.enterHost()) {
            Thread.currentThread().setContextClassLoader(loaders[turn++ & 1]);
        }
        return System.getProperty(key);
    }

    /** The scope and the call alone, with nothing changed: what the two above add matching to. */
    @Benchmark
    public String scopeThenAsk() {
        try (TenantScope host = control.enterHost()) {
            turn++;
        }
        return System.getProperty(key);
    }
}
