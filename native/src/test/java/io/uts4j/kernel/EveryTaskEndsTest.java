package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Every task a {@link NamespaceExecutor} accepts ends, with its result or an exception — also when
 * its namespace or the executor is closed under it, or its thread dies or cannot be started.
 */
@EnabledOnOs(OS.LINUX)
class EveryTaskEndsTest {

    private UtsNamespace ns;

    @BeforeEach
    void createNamespace() {
        KernelAssumptions.assumeKernel();
        ns = UtsNamespace.create("ending", null);
    }

    @AfterEach
    void closeNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void everyQueuedTaskFailsWhenNoThreadCanEnterTheClosedNamespace() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(1).threadFactory(heldUntil(gate)).build();
        List<CompletableFuture<Boolean>> queued = IntStream.range(0, 5)
                .mapToObj(i -> executor.submit(() -> ran.getAndSet(true))).toList();
        executor.close(); // as the agent removes a tenant: the executor, then its namespace
        ns.close();
        gate.countDown(); // only now does the thread try to enter the namespace
        for (CompletableFuture<Boolean> task : queued) {
            assertThatThrownBy(() -> task.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        }
        assertThat(ran).isFalse();
        assertThat(executor.awaitTermination(java.time.Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void tasksQueuedBehindAThreadThatDiesAfterCloseStillRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(1).build();
        CompletableFuture<Object> dying = executor.submit(() -> {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            throw new StackOverflowError("kills its thread");
        });
        List<CompletableFuture<Long>> queued = IntStream.range(0, 3)
                .mapToObj(i -> executor.submit(UtsNamespace::currentThreadInode)).toList();
        executor.close();
        release.countDown();
        assertThatThrownBy(() -> dying.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StackOverflowError.class);
        for (CompletableFuture<Long> task : queued) {
            assertThat(task.get(10, TimeUnit.SECONDS)).isEqualTo(ns.inode());
        }
        assertThat(executor.threadsStarted()).isEqualTo(2);
        assertThat(executor.awaitTermination(java.time.Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void tasksQueuedBehindADeadThreadFailWhenNoReplacementCanStart() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        ThreadFactory onlyOne = task -> {
            if (made.incrementAndGet() > 1) {
                return null;
            }
            Thread t = new Thread(task, "the-only-one");
            t.setDaemon(true);
            return t;
        };
        try (NamespaceExecutor executor = NamespaceExecutor.builder(ns).maxThreads(1).threadFactory(onlyOne).build()) {
            CompletableFuture<Object> dying = executor.submit(() -> {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                throw new StackOverflowError("kills its thread");
            });
            List<CompletableFuture<Long>> queued = IntStream.range(0, 3)
                    .mapToObj(i -> executor.submit(UtsNamespace::currentThreadInode)).toList();
            release.countDown();
            assertThatThrownBy(() -> dying.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StackOverflowError.class);
            for (CompletableFuture<Long> task : queued) {
                assertThatThrownBy(() -> task.get(10, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned no thread");
            }
        }
    }

    @Test
    void everyCallEndsWhileNamespacesAndExecutorsAreReplacedUnderIt() throws Exception {
        // Tenants added and removed every millisecond, as an agent may, while callers keep handing
        // tasks to whichever executor is current. Before every hand-off ended, some call never returned.
        AtomicReference<Generation> current = new AtomicReference<>(Generation.next());
        AtomicBoolean churning = new AtomicBoolean(true);
        LongAdder results = new LongAdder();
        List<FutureTask<Void>> callers = new ArrayList<>();
        List<Thread> callerThreads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FutureTask<Void> caller = new FutureTask<>(() -> {
                while (churning.get()) {
                    Generation g = current.get();
                    try {
                        long inode = g.executor().call(UtsNamespace::currentThreadInode);
                        assertThat(inode).as("a task never runs outside its namespace").isEqualTo(g.namespace().inode());
                        results.increment();
                    } catch (RejectedExecutionException | IllegalStateException expected) {
                        // the executor or the namespace was closed
                    }
                }
                return null;
            });
            Thread t = new Thread(caller, "churn-caller-" + i);
            t.setDaemon(true); // a call that never returns must not keep the JVM alive
            callers.add(caller);
            callerThreads.add(t);
            t.start();
        }
        try {
            for (int i = 0; i < 300; i++) {
                Thread.sleep(1);
                Generation old = current.getAndSet(Generation.next());
                old.close(i % 2 == 0); // the agent's order, and the other one
            }
        } finally {
            churning.set(false);
        }
        for (int i = 0; i < callers.size(); i++) {
            try {
                callers.get(i).get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                StackTraceElement[] at = callerThreads.get(i).getStackTrace();
                fail("a call never returned: " + callerThreads.get(i).getName() + " waits at "
                        + Arrays.toString(Arrays.copyOf(at, Math.min(at.length, 12))));
            }
        }
        current.get().close(true);
        assertThat(results.sum()).as("calls that returned a result").isPositive();
    }

    /** One tenant's namespace and executor, replaced as a whole. */
    private record Generation(UtsNamespace namespace, NamespaceExecutor executor) {
        static Generation next() {
            UtsNamespace ns = UtsNamespace.create("churn", null);
            return new Generation(ns, NamespaceExecutor.builder(ns).maxThreads(2).build());
        }

        void close(boolean executorFirst) {
            if (executorFirst) {
                executor.close();
                namespace.close();
            } else {
                namespace.close();
                executor.close();
            }
        }
    }

    /** @return a factory of threads that wait for {@code gate} before they do anything */
    private static ThreadFactory heldUntil(CountDownLatch gate) {
        return task -> {
            Thread t = new Thread(() -> {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }, "held");
            t.setDaemon(true);
            return t;
        };
    }
}
