package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class NamespaceExecutorTest {

    private UtsNamespace ns;

    @BeforeEach
    void createNamespace() {
        KernelAssumptions.assumeKernel();
        ns = UtsNamespace.create("executor-test", null);
    }

    @AfterEach
    void closeNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void callReturnsTheResultComputedInsideTheNamespace() throws Exception {
        try (NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            assertThat(executor.call(() -> Processes.read("/proc/sys/kernel/hostname"))).isEqualTo("executor-test");
            assertThat(executor.call(() -> NamespaceExecutor.current().isPresent())).isTrue();
            assertThat(executor.call(() -> NamespaceExecutor.current().orElseThrow())).isSameAs(executor);
            assertThat(NamespaceExecutor.current()).isEmpty();
            assertThat(executor.call(() -> Thread.currentThread().getName()))
                    .isEqualTo("uts4j-ns-" + ns.inode() + "-1");
            assertThat(executor.call(() -> Thread.currentThread().isDaemon())).isTrue();
            assertThat(executor.tasksRun()).isEqualTo(5);
            assertThat(Processes.read("/proc/sys/kernel/hostname")).isNotEqualTo("executor-test");
        }
    }

    @Test
    void checkedExceptionComesBackUnchanged() {
        IOException thrown = new IOException("from inside");
        try (NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            assertThat(catchThrowable(() -> executor.call(() -> {
                throw thrown;
            }))).isSameAs(thrown);
            CompletableFuture<Object> future = executor.submit(() -> {
                throw thrown;
            });
            assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class).hasCauseReference(thrown);
        }
    }

    @Test
    void anErrorEndsItsThreadAndTheExecutorCarriesOn() throws Exception {
        Error fatal = new StackOverflowError("task blew up");
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(1).build()) {
            Thread first = executor.call(Thread::currentThread);
            assertThat(catchThrowable(() -> executor.call(() -> {
                throw fatal;
            }))).isSameAs(fatal);
            first.join(5000);
            assertThat(first.isAlive()).isFalse();

            Thread second = executor.call(Thread::currentThread);
            assertThat(second).isNotSameAs(first);
            assertThat(executor.call(() -> UtsNamespace.currentThreadInode())).isEqualTo(ns.inode());
            assertThat(executor.threadsStarted()).isEqualTo(2);
        }
    }

    @Test
    void idleThreadsRetireAndNewOnesStartOnDemand() throws Exception {
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).keepAlive(Duration.ofMillis(50)).build()) {
            Thread first = executor.call(Thread::currentThread);
            assertThat(executor.liveThreads()).isEqualTo(1);
            first.join(5000);
            assertThat(first.isAlive()).isFalse();
            assertThat(executor.liveThreads()).isZero();
            assertThat(executor.call(() -> Processes.read("/proc/sys/kernel/hostname"))).isEqualTo("executor-test");
            assertThat(executor.threadsStarted()).isEqualTo(2);
        }
    }

    @Test
    void callsFromItsOwnThreadRunInline() throws Exception {
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(1).build()) {
            CompletableFuture<String> nested = executor.submit(() -> {
                String outer = Thread.currentThread().getName();
                String inner = executor.call(() -> Thread.currentThread().getName());
                String viaSubmit = executor.submit(() -> Thread.currentThread().getName()).get(1, TimeUnit.SECONDS);
                return outer.equals(inner) && inner.equals(viaSubmit) ? "inline" : outer + "/" + inner;
            });
            assertThat(nested.get(10, TimeUnit.SECONDS)).isEqualTo("inline");
            assertThat(executor.threadsStarted()).isEqualTo(1);
        }
    }

    @Test
    void closeRefusesNewTasksLetsAcceptedOnesFinishAndEndsThreads() throws Exception {
        NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(2).build();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = executor.submit(() -> {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "finished";
        });
        CompletableFuture<String> queued = executor.submit(() -> "queued too");
        executor.close();
        executor.close(); // idempotent
        assertThatThrownBy(() -> executor.call(() -> 1)).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("closed").hasMessageContaining("uts:[" + ns.inode() + "]");
        assertThatThrownBy(() -> executor.submit(() -> 1)).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("finished");
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("queued too");
        assertThat(executor.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(executor.liveThreads()).isZero();
        assertThat(ns.isClosed()).isFalse(); // the executor does not own the namespace
    }

    @Test
    void aThreadThatCannotEnterTheNamespaceFailsItsTaskInsteadOfRunningIt() {
        AtomicBoolean ran = new AtomicBoolean();
        try (NamespaceExecutor executor = NamespaceExecutor.of(ns)) {
            ns.close();
            assertThatThrownBy(() -> executor.call(() -> ran.getAndSet(true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(ran).isFalse();
        }
    }

    @Test
    void threadFactoryChoosesTheThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).threadFactory(task -> {
            Thread t = new Thread(task, "tenant-worker-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }).build()) {
            assertThat(executor.call(() -> Thread.currentThread().getName())).isEqualTo("tenant-worker-1");
        }
        try (NamespaceExecutor broken = NamespaceExecutor.builder(ns).threadFactory(task -> null).build()) {
            assertThatThrownBy(() -> broken.call(() -> 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("returned no thread");
        }
    }

    @Test
    void concurrencyIsBoundedByMaxThreadsAndEveryTaskRuns() {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(3).build()) {
            List<CompletableFuture<Long>> futures = IntStream.range(0, 30).mapToObj(i -> executor.submit(() -> {
                peak.accumulateAndGet(active.incrementAndGet(), Math::max);
                Thread.sleep(2);
                active.decrementAndGet();
                return UtsNamespace.currentThreadInode();
            })).toList();
            assertThat(futures).allSatisfy(f -> assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(ns.inode()));
            assertThat(peak.get()).isBetween(1, 3);
            assertThat(executor.threadsStarted()).isLessThanOrEqualTo(3);
            assertThat(executor.tasksRun()).isEqualTo(30);
        }
    }
}
