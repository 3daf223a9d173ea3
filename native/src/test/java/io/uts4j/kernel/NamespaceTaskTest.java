package io.uts4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The hand-off's state machine, driven step by step from the test rather than by the clock: a task
 * is either cancelled before it starts or runs, never both, and a result nobody waits for any more
 * still reaches its owner.
 */
class NamespaceTaskTest {

    @Test
    void aTaskCancelledAtTheDeadlineBeforeItStartedNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        NamespaceTask<Boolean> task = new NamespaceTask<>(() -> ran.getAndSet(true));
        assertThatThrownBy(() -> task.awaitUninterruptibly(System.nanoTime(), r -> { }, "the task"))
                .isInstanceOf(TimeoutException.class).hasMessage("the task had not started when the time was up;"
                        + " it was cancelled and will never run");
        assertThat(task.execute()).isEqualTo(NamespaceTask.Run.SKIPPED);
        assertThat(ran).isFalse();
    }

    @Test
    void aTaskRunningAtTheDeadlineHandsItsResultToIfAbandoned() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NamespaceTask<String> task = new NamespaceTask<>(() -> {
            started.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return "late result";
        });
        FutureTask<NamespaceTask.Run> worker = new FutureTask<>(() -> {
            NamespaceTask.Run run = task.execute();
            task.publish();
            return run;
        });
        new Thread(worker, "worker").start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> handedOver = new CompletableFuture<>();

        assertThatThrownBy(() -> task.awaitUninterruptibly(System.nanoTime(), handedOver::complete, "the task"))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("still running");
        assertThat(handedOver).isNotDone();
        release.countDown();
        assertThat(worker.get(10, TimeUnit.SECONDS)).isEqualTo(NamespaceTask.Run.RAN);
        assertThat(handedOver.get(10, TimeUnit.SECONDS)).isEqualTo("late result");
    }

    @Test
    void aTaskThatEndedBeforeTheDeadlineIsTheCallersEvenIfLookedAtLate() throws Exception {
        NamespaceTask<String> task = new NamespaceTask<>(() -> "in time");
        task.execute();
        task.publish();
        AtomicBoolean handedOver = new AtomicBoolean();
        assertThat(task.awaitUninterruptibly(System.nanoTime() - 1, r -> handedOver.set(true), "the task"))
                .isEqualTo("in time");
        assertThat(handedOver).isFalse();
    }

    @Test
    void aFailedTaskNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        NamespaceTask<Boolean> task = new NamespaceTask<>(() -> ran.getAndSet(true));
        IllegalStateException closed = new IllegalStateException("closed");
        task.fail(closed);
        assertThat(task.execute()).isEqualTo(NamespaceTask.Run.SKIPPED);
        assertThatThrownBy(task::await).isSameAs(closed);
        assertThat(ran).isFalse();
    }
}
