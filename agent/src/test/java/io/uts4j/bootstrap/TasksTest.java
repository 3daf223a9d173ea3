package io.uts4j.bootstrap;

import static io.uts4j.bootstrap.NameRuleTest.id;
import static io.uts4j.bootstrap.Table.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinTask;
import jdk.internal.misc.Uts4jInstall;
import jdk.internal.misc.Uts4jTasks;
import jdk.internal.misc.Uts4jTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Identity follows work: captured at the hand-off, restored around the run, the worker itself again
 * afterwards. Each hook is called where the woven JDK method calls it: the submitter's side on the
 * submitting thread, the run on a worker thread of the test's own.
 */
class TasksTest {
    private final Uts4jTenant a = tenant("a");
    private final Uts4jTenant b = tenant("b");
    private final Uts4jTenant api = tenant("api");

    @BeforeEach
    void install() {
        install(true);
    }

    private void install(boolean propagate) {
        Uts4jInstall.install(new Table().with(a, "alpha-\\d+", null).with(b, "beta-\\d+", null).with(api, null, null)
                .build(), new RecordingServices(), propagate);
    }

    @AfterEach
    void uninstall() {
        Uts4jInstall.uninstall();
    }

    /** A task that notes, each time it runs, whom it runs as. */
    static class Noting implements Runnable {
        final List<String> ranAs = new CopyOnWriteArrayList<>();

        @Override
        public void run() {
            ranAs.add(id(Uts4jInstall.currentTenant()));
        }
    }

    /** Tasks that are all equal, with one hash code: only identity tells them apart. */
    static final class AllAlike extends Noting {
        @Override
        public boolean equals(Object o) {
            return o instanceof AllAlike;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Runs the body inside a scope of the tenant (null: the host, explicitly) on the calling thread. */
    private static <T> T as(Uts4jTenant t, Callable<T> body) throws Exception {
        try (AutoCloseable s = t == null ? Uts4jInstall.hostScope() : Uts4jInstall.tenantScope(t)) {
            return body.call();
        }
    }

    @Test
    void wrappedCallableRunsAsItsSubmitterAndTheWorkerIsItselfAgainAfter() throws Exception {
        Callable<?> task = Threads.call("alpha-1", () -> Uts4jTasks.wrapCallable(() -> id(Uts4jInstall.currentTenant())));
        try (OwnThread worker = new OwnThread("beta-1")) {
            assertThat(worker.call(task)).isEqualTo("a");
            assertThat(worker.tenant()).isSameAs(b);
        }
    }

    @Test
    void wrappedRunnableRunsAsItsSubmitterAndTheWorkerIsItselfAgainAfterItThrows() throws Exception {
        Noting noting = new Noting();
        Runnable task = Threads.call("alpha-1", () -> Uts4jTasks.wrapRunnable(() -> {
            noting.run();
            throw new IllegalStateException("task failed");
        }));
        try (OwnThread worker = new OwnThread("beta-1")) {
            assertThatThrownBy(() -> worker.call(() -> {
                task.run();
                return null;
            })).hasMessage("task failed");
            assertThat(noting.ranAs).containsExactly("a");
            assertThat(worker.tenant()).isSameAs(b);
        }
    }

    @Test
    void plainlyTheHostsSubmissionCapturesNothingAndRunsAsTheWorkerIs() throws Exception {
        Callable<String> callable = () -> id(Uts4jInstall.currentTenant());
        Runnable runnable = () -> { };
        assertThat(Uts4jTasks.wrapCallable(callable)).isSameAs(callable);
        assertThat(Uts4jTasks.wrapRunnable(runnable)).isSameAs(runnable);
        try (OwnThread worker = new OwnThread("beta-1")) {
            assertThat(worker.call(Uts4jTasks.wrapCallable(callable))).isEqualTo("b");
        }
    }

    @Test
    void anExplicitHostScopeIsCapturedAndRunsAsTheHost() throws Exception {
        Callable<?> task = Threads.call("alpha-1",
                () -> as(null, () -> Uts4jTasks.wrapCallable(() -> id(Uts4jInstall.currentTenant()))));
        try (OwnThread worker = new OwnThread("beta-1")) {
            assertThat(worker.call(task)).isEqualTo("host");
        }
    }

    @Test
    void withPropagationOffNothingIsCaptured() throws Exception {
        install(false);
        Callable<String> callable = () -> "x";
        assertThat(as(a, () -> Uts4jTasks.wrapCallable(callable))).isSameAs(callable);
    }

    @Test
    void aRunnableSubmittedTwiceByTwoIdentitiesRunsAsEachInTurn() throws Exception {
        Noting task = new Noting();
        Threads.call("alpha-1", () -> {
            Uts4jTasks.captureSubmitted(task);
            return null;
        });
        as(api, () -> {
            Uts4jTasks.captureSubmitted(task);
            return null;
        });
        try (OwnThread worker = new OwnThread("worker")) {
            for (int i = 0; i < 3; i++) {
                worker.call(() -> {
                    Uts4jTasks.runPooled(task);
                    return null;
                });
            }
        }
        assertThat(task.ranAs).as("oldest first; nothing left for a third run").containsExactly("a", "api", "host");
    }

    @Test
    void aRejectedSubmissionLeavesNothingBehind() throws Exception {
        Noting task = new Noting();
        as(a, () -> {
            Uts4jTasks.captureSubmitted(task);
            return null;
        });
        as(api, () -> {
            Uts4jTasks.captureSubmitted(task);
            Uts4jTasks.forgetRejected(task); // ThreadPoolExecutor.reject, on the submitting thread
            return null;
        });
        try (OwnThread worker = new OwnThread("worker")) {
            worker.call(() -> {
                Uts4jTasks.runPooled(task);
                Uts4jTasks.runPooled(task);
                return null;
            });
        }
        assertThat(task.ranAs).containsExactly("a", "host");
    }

    @Test
    void tasksThatAreEqualButNotTheSameKeepTheirOwnCaptures() throws Exception {
        Noting first = new AllAlike();
        Noting second = new AllAlike();
        as(a, () -> {
            Uts4jTasks.captureSubmitted(first);
            return null;
        });
        as(api, () -> {
            Uts4jTasks.captureSubmitted(second);
            return null;
        });
        try (OwnThread worker = new OwnThread("worker")) {
            worker.call(() -> {
                Uts4jTasks.runPooled(second);
                Uts4jTasks.runPooled(first);
                return null;
            });
        }
        assertThat(first.ranAs).containsExactly("a");
        assertThat(second.ranAs).containsExactly("api");
    }

    @Test
    void aForkJoinTaskRunsAsItsMakerWhoeverSubmitsIt() throws Exception {
        Noting noting = new Noting();
        ForkJoinTask<?> task = as(a, () -> {
            ForkJoinTask<?> t = ForkJoinTask.adapt(noting);
            Uts4jTasks.captureNew(t); // the woven ForkJoinTask constructor
            return t;
        });
        as(api, () -> {
            Uts4jTasks.captureSubmitted((Runnable) task); // ignored: the task carries its own
            return null;
        });
        try (OwnThread worker = new OwnThread("beta-1")) {
            worker.call(() -> {
                Uts4jTasks.runPooled((Runnable) task);
                return null;
            });
            assertThat(worker.tenant()).isSameAs(b);
        }
        assertThat(noting.ranAs).containsExactly("a");
    }

    @Test
    void enterAndExitAroundACapturedObjectsRun() throws Exception {
        Object completion = new Object();
        as(a, () -> {
            Uts4jTasks.captureNew(completion);
            return null;
        });
        try (OwnThread worker = new OwnThread("beta-1")) {
            assertThat(worker.call(() -> {
                Object frame = Uts4jTasks.enter(completion);
                String inside = id(Uts4jInstall.currentTenant());
                Uts4jTasks.exit(frame);
                Object none = Uts4jTasks.enter(new Object()); // captured nothing: nothing to enter
                String uncaptured = id(Uts4jInstall.currentTenant());
                Uts4jTasks.exit(none);
                return inside + " " + id(Uts4jInstall.currentTenant()) + " " + uncaptured;
            })).isEqualTo("a b b");
        }
    }

    @Test
    void everyRunOfAScheduledTaskIsItsSchedulersUntilTheHostSchedulesIt() throws Exception {
        Noting task = new Noting();
        Threads.call("alpha-1", () -> {
            Uts4jTasks.captureScheduled(task);
            return null;
        });
        try (OwnThread timer = new OwnThread("timer")) {
            Callable<Object> run = () -> {
                Uts4jTasks.runScheduled(task);
                return null;
            };
            timer.call(run);
            timer.call(run);
            Uts4jTasks.captureScheduled(task); // scheduled again, by the host: captures nothing, forgets a's
            timer.call(run);
        }
        assertThat(task.ranAs).containsExactly("a", "a", "host");
    }

    @Test
    void aSchedulingTheTimerRefusesLeavesTheFirstCaptureAlone() throws Exception {
        NotingTimerTask task = new NotingTimerTask();
        Threads.call("alpha-1", () -> {
            Uts4jTasks.captureScheduled(task);
            return null;
        });
        Timer timer = new Timer("unwoven", true);
        try {
            timer.schedule(task, 3_600_000); // scheduled: Timer.sched refuses it any other time
            Uts4jTasks.captureScheduled(task); // the host tries again, and will be refused
            try (OwnThread timerThread = new OwnThread("timer")) {
                timerThread.call(() -> {
                    Uts4jTasks.runScheduled(task);
                    return null;
                });
            }
        } finally {
            timer.cancel();
        }
        assertThat(task.ranAs).containsExactly("a");
    }

    static final class NotingTimerTask extends TimerTask {
        final List<String> ranAs = new CopyOnWriteArrayList<>();

        @Override
        public void run() {
            ranAs.add(id(Uts4jInstall.currentTenant()));
        }
    }
}
