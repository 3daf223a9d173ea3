package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Long {@code callInNamespace} tasks of tenant alpha, from the host and from alpha's own threads,
 * hold every thread of alpha's task lane (4) and queue behind them; meanwhile an alpha thread
 * launches processes. Each launch must come back while the tasks still wait on a latch that is
 * released only after it did: were launches queued behind those tasks, it never would (and the
 * bounded wait for it fails). Arguments: the number of long tasks, of launches.
 */
public final class LaunchBesideLongTasks {
    /** The task lane's threads (NamespaceExecutor's default): with that many tasks running, it is full. */
    private static final int TASK_LANE_THREADS = 4;

    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        int tasks = Integer.parseInt(args[0]);
        int launches = Integer.parseInt(args[1]);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        List<Future<String>> longTasks = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            boolean fromHost = i % 2 == 0;
            // Half through the host's capability on host threads, half as the tenant itself on alpha threads.
            FutureTask<String> caller = new FutureTask<>(() -> {
                java.util.concurrent.Callable<String> task = () -> {
                    running.incrementAndGet();
                    try {
                        if (!release.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                        return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
                    } finally {
                        ended.incrementAndGet();
                    }
                };
                return fromHost ? control.callInNamespace("alpha", task) : Uts4j.callInNamespace("alpha", task);
            });
            new Thread(caller, (fromHost ? "host-caller-" : "alpha-caller-") + i).start();
            longTasks.add(caller);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running.get() < Math.min(tasks, TASK_LANE_THREADS)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the long tasks never started");
            Thread.sleep(10);
        }

        // Many launches, so that those whose child has exited before the launch returns are among them too.
        // ("true" exits at once: the launch may return after the child has ended.)
        FutureTask<String> launch = new FutureTask<>(() -> {
            java.util.Set<String> saw = new java.util.TreeSet<>();
            for (int i = 0; i < launches; i++) {
                String out = Children.run(i % 2 == 0 ? "hostname" : "true");
                saw.add(i % 2 == 0 ? out : out.isEmpty() ? "(true)" : out);
            }
            return String.join(",", saw);
        });
        Thread launcher = new Thread(launch, "alpha-launcher");
        launcher.start();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("launches", String.valueOf(launches));
        try {
            m.put("launchesSaw", launch.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) { // a launch queued behind the long tasks
            m.put("launchesSaw", "TIMEOUT");
            m.put("launcherAt", java.util.Arrays.toString(launcher.getStackTrace()));
            Report.print("lanes", m);
            System.exit(1);
        }
        m.put("tasksRunningAtLaunch", String.valueOf(running.get()));
        m.put("tasksEndedAtLaunch", String.valueOf(ended.get()));
        release.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> f : longTasks) seen.add(f.get(60, TimeUnit.SECONDS));
        m.put("tasks", String.valueOf(seen.size()));
        m.put("tasksSaw", String.join(",", new java.util.TreeSet<>(seen)));
        Report.print("lanes", m);
    }
}
