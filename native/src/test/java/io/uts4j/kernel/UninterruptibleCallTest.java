package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link NamespaceExecutor#callUninterruptibly}: bounded, deaf to interrupts, and no result is ever lost. */
@EnabledOnOs(OS.LINUX)
class UninterruptibleCallTest {

    private static final Duration PLENTY = Duration.ofSeconds(30);

    private UtsNamespace ns;
    private NamespaceExecutor executor;

    @BeforeEach
    void createNamespace() {
        KernelAssumptions.assumeKernel();
        ns = UtsNamespace.create("uninterruptible", null);
        executor = NamespaceExecutor.builder(ns).maxThreads(1).build();
    }

    @AfterEach
    void close() {
        Thread.interrupted(); // a failed test must not leave the flag to the next one
        if (executor != null) {
            executor.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void anInterruptedCallerStartsItsProcessAndKeepsItsFlag() throws Exception {
        Thread.currentThread().interrupt();
        Process p = executor.callUninterruptibly(() -> new ProcessBuilder("hostname").start(), PLENTY,
                Process::destroyForcibly);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        Thread.interrupted(); // so that this thread can wait for the process
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("uninterruptible");
    }

    @Test
    void anInterruptDuringTheWaitDoesNotEndIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FutureTask<String> caller = new FutureTask<>(() -> {
            String result = executor.callUninterruptibly(() -> {
                started.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                return "finished";
            }, PLENTY, r -> { });
            return result + ", interrupted=" + Thread.currentThread().isInterrupted();
        });
        Thread callerThread = new Thread(caller, "interrupted-caller");
        callerThread.setDaemon(true);
        callerThread.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        awaitParked(callerThread);
        callerThread.interrupt();
        release.countDown();
        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("finished, interrupted=true");
    }

    @Test
    void aTaskStuckBehindABusyExecutorTimesOutAndNeverRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = executor.submit(() -> {
            started.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return "busy";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue(); // the only thread is taken
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> executor.callUninterruptibly(() -> ran.getAndSet(true), Duration.ofMillis(20),
                r -> { }))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("had not started")
                .hasMessageContaining("will never run");
        release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo("busy");
        // Tasks are taken in order: once a later one has run, the cancelled one has had its turn.
        assertThat(executor.call(() -> "later")).isEqualTo("later");
        assertThat(ran).isFalse();
        assertThat(executor.tasksRun()).isEqualTo(2);
    }

    @Test
    void aProcessStartedAfterTheTimeoutIsHandedToIfAbandoned() throws Exception {
        executor.call(() -> null); // a free thread waits: the next task starts at once
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Process> abandoned = new CompletableFuture<>();
        // A second is ample for a waiting thread to start the task; it then waits for the timeout to pass.
        assertThatThrownBy(() -> executor.callUninterruptibly(() -> {
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return new ProcessBuilder("sleep", "60").start();
        }, Duration.ofSeconds(1), p -> {
            p.destroyForcibly();
            abandoned.complete(p);
        })).isInstanceOf(TimeoutException.class).hasMessageContaining("still running");
        release.countDown();
        Process orphan = abandoned.get(10, TimeUnit.SECONDS);
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).as("destroyed by the abandonment handler").isTrue();
    }

    @Test
    void whatTheTaskThrowsComesBackUnchanged() {
        IOException thrown = new IOException("from inside");
        assertThatThrownBy(() -> executor.callUninterruptibly(() -> {
            throw thrown;
        }, PLENTY, r -> { })).isSameAs(thrown);
    }

    @Test
    void fromADedicatedThreadItRunsInline() throws Exception {
        String inner = executor.call(() -> {
            String outer = Thread.currentThread().getName();
            String nested = executor.callUninterruptibly(() -> Thread.currentThread().getName(), PLENTY, r -> { });
            return outer.equals(nested) ? "inline" : outer + "/" + nested;
        });
        assertThat(inner).isEqualTo("inline");
    }

    /** Waits until {@code thread} is parked, i.e. inside its wait. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("%s parks within 10 s", thread.getName()).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
