package java.util.concurrent;

import jdk.internal.misc.Uts4jTasks;

/**
 * uts4j's hook into java.util.concurrent (not public: part of uts4j's hidden bootstrap). It lives in
 * this package because what it wraps is not visible elsewhere: {@code ForkJoinTask.exec()} is
 * protected, {@code CompletableFuture.Completion} package-private. Woven call sites call it in
 * place of those methods, so that each task runs as the thread that made it.
 */
final class Uts4jConcurrent {
    private Uts4jConcurrent() {}

    /** In place of {@code task.exec()} in {@code ForkJoinTask.doExec()}. */
    static boolean exec(ForkJoinTask<?> task) {
        Object frame = Uts4jTasks.enter(task);
        try {
            return task.exec();
        } finally {
            Uts4jTasks.exit(frame);
        }
    }

    /** In place of {@code completion.tryFire(mode)}, wherever {@code CompletableFuture} fires a stage. */
    static CompletableFuture<?> tryFire(CompletableFuture.Completion completion, int mode) {
        Object frame = Uts4jTasks.enter(completion);
        try {
            return completion.tryFire(mode);
        } finally {
            Uts4jTasks.exit(frame);
        }
    }
}
