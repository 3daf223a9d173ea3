package io.uts4j.bench;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Running a task inside a tenant's kernel namespace: the agent's hand-off to a thread that lives
 * there ({@link Uts4j#callInNamespace}) against what a design without such threads would do per
 * task, spawning {@code nsenter} into the namespace and waiting for it.
 *
 * <p>The worker is not bound to the tenant, so that {@code nsenter} is started from it directly
 * rather than handed off itself.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = KernelTenant.AGENT_UNBOUND)
@State(Scope.Thread)
public class NamespaceHandOffBenchmark {
    /** The host's capability: this fork's JVM is the host's, and takes it once. */
    private static Uts4jControl control;
    Callable<Integer> task = () -> 1;
    ProcessBuilder nsenter;

    /**
     * Finds a dedicated thread's namespace file and checks it is the tenant's namespace. Once per
     * iteration: dedicated threads end after 60 s idle, and the nsenter benchmark keeps them idle.
     */
    @Setup(Level.Iteration)
    public void findNamespace() throws Exception {
        if (Uts4j.currentTenant().isPresent()) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName()
                    + " is bound to " + Uts4j.currentTenant().get() + "; this fork expects it unbound");
        }
        synchronized (NamespaceHandOffBenchmark.class) {
            if (control == null) control = Uts4j.control();
        }
        long inode = control.namespaceInode(KernelTenant.ID)
                .orElseThrow(() -> new IllegalStateException("tenant " + KernelTenant.ID + " has no kernel namespace"));
        // The first call also waits for the namespace, which the agent makes in the background at start-up.
        String tid = control.callInNamespace(KernelTenant.ID,
                () -> Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        String nsFile = "/proc/" + ProcessHandle.current().pid() + "/task/" + tid + "/ns/uts";
        String link = Files.readSymbolicLink(Path.of(nsFile)).toString();
        if (!link.equals("uts:[" + inode + "]")) {
            throw new IllegalStateException(nsFile + " is " + link + ", not the tenant's namespace uts:[" + inode + "]");
        }
        String seen = KernelTenant.output("nsenter", "--uts=" + nsFile, "hostname");
        if (!seen.equals(KernelTenant.HOSTNAME)) {
            throw new IllegalStateException("hostname run through nsenter --uts=" + nsFile + " prints " + seen
                    + ", not " + KernelTenant.HOSTNAME);
        }
        nsenter = new ProcessBuilder("nsenter", "--uts=" + nsFile, "true");
    }

    /** The same task on the worker itself: what the hand-off adds to it. */
    @Benchmark
    public Integer baseline() throws Exception {
        return task.call();
    }

    @Benchmark
    public Integer callInNamespace() throws Exception {
        return control.callInNamespace(KernelTenant.ID, task);
    }

    @Benchmark
    public int nsenter() throws Exception {
        return nsenter.start().waitFor();
    }
}
