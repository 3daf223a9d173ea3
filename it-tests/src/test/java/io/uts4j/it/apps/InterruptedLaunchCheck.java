package io.uts4j.it.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Process launches and interrupts, from thread {@code alpha-1} (a tenant's, with the agent; a plain
 * one without), as the JDK defines them: {@code ProcessBuilder.start()} is not interruptible, so
 * it starts the process and leaves the interrupt flag as it was.
 *
 * <ul>
 *   <li>{@code @preset}: the flag is set before each call.</li>
 *   <li>{@code @racing}: another thread interrupts the launcher once per launch, at a random moment
 *       around the call. Each child writes a file named for its own pid; every pid on disk must be
 *       one that a {@code start()} handed back (no orphan), and every call must return a Process
 *       with the flag set once the interrupt has been delivered.</li>
 * </ul>
 * Arguments: a folder for the pid files, the number of launches of each kind.
 */
public final class InterruptedLaunchCheck {
    public static void main(String[] args) throws Exception {
        if (io.uts4j.Uts4j.isAttached()) Host.control(); // the host's, as a server would take it; without the agent, a plain JVM
        Path pids = Path.of(args[0]);
        int launches = Integer.parseInt(args[1]);
        Report.onThread("alpha-1", () -> {
            try {
                preset(pids, launches);
                racing(pids, launches);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void preset(Path pids, int launches) throws Exception {
        long started = 0;
        long flagKept = 0;
        long pidFiles = 0;
        String firstException = "";
        for (int i = 0; i < launches; i++) {
            Thread.currentThread().interrupt();
            Process p;
            try {
                p = child(pids).start();
                started++;
            } catch (IOException e) {
                if (firstException.isEmpty()) firstException = e.toString();
                Thread.interrupted();
                continue;
            }
            if (Thread.interrupted()) flagKept++;
            if (!p.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("a child did not end");
            Path pidFile = pids.resolve(String.valueOf(p.pid()));
            if (Files.exists(pidFile)) pidFiles++;
            Files.deleteIfExists(pidFile); // the racing launches' files only, from here on
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("launches", String.valueOf(launches));
        m.put("started", String.valueOf(started));
        m.put("flagKept", String.valueOf(flagKept));
        m.put("childrenRan", String.valueOf(pidFiles));
        m.put("firstException", firstException);
        Report.print("preset", m);
    }

    private static void racing(Path pids, int launches) throws Exception {
        Thread launcher = Thread.currentThread();
        long spinNanos = typicalLaunchNanos(pids) * 3 / 2;
        Interrupter interrupter = new Interrupter(launcher, spinNanos);
        interrupter.start();
        Set<Long> handedBack = new HashSet<>();
        long exceptions = 0;
        long[] flagLost = new long[3]; // by when the interrupt came
        long[] when = new long[3]; // interrupts before, during and after the call
        String firstException = "";
        for (int i = 0; i < launches; i++) {
            Thread.interrupted();
            interrupter.go();
            long t0 = System.nanoTime();
            Process p = null;
            try {
                p = child(pids).start();
                handedBack.add(p.pid());
            } catch (IOException e) {
                if (exceptions++ == 0) firstException = e.toString();
            }
            long t1 = System.nanoTime();
            long at = interrupter.awaitInterrupted(); // the interrupt has been delivered: the flag must be up
            int w = at < t0 ? 0 : at <= t1 ? 1 : 2;
            when[w]++;
            if (!Thread.interrupted()) flagLost[w]++;
            if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("a child did not end");
        }
        interrupter.interrupt();
        interrupter.join(TimeUnit.SECONDS.toMillis(30));

        // Children nobody was handed back are still the JVM's children: wait for them too.
        for (ProcessHandle orphan : ProcessHandle.current().children().collect(Collectors.toList())) {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        }
        Set<Long> ran;
        try (Stream<Path> files = Files.list(pids)) {
            ran = files.map(f -> Long.parseLong(f.getFileName().toString())).collect(Collectors.toSet());
        }
        Set<Long> orphans = new HashSet<>(ran);
        orphans.removeAll(handedBack);
        Set<Long> lost = new HashSet<>(handedBack);
        lost.removeAll(ran);

        Map<String, String> m = new LinkedHashMap<>();
        m.put("launches", String.valueOf(launches));
        m.put("handedBack", String.valueOf(handedBack.size()));
        m.put("exceptions", String.valueOf(exceptions));
        m.put("firstException", firstException);
        m.put("flagLost", String.valueOf(flagLost[0] + flagLost[1] + flagLost[2]));
        m.put("flagLostBefore", String.valueOf(flagLost[0]));
        m.put("flagLostDuring", String.valueOf(flagLost[1]));
        m.put("flagLostAfter", String.valueOf(flagLost[2]));
        m.put("interruptedBefore", String.valueOf(when[0]));
        m.put("interruptedDuring", String.valueOf(when[1]));
        m.put("interruptedAfter", String.valueOf(when[2]));
        m.put("childrenRan", String.valueOf(ran.size()));
        m.put("orphans", String.valueOf(orphans.size()));
        m.put("handedBackButNeverRan", String.valueOf(lost.size()));
        Report.print("racing", m);
    }

    /** A child that leaves a file named for its own pid, and nothing else. */
    private static ProcessBuilder child(Path pids) {
        return new ProcessBuilder(List.of("sh", "-c", ": > \"$0/$$\"", pids.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** How long one launch takes here, so that most interrupts land during a call. */
    private static long typicalLaunchNanos(Path pids) throws Exception {
        long total = 0;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("true").start();
            total += System.nanoTime() - t0;
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return total / 10;
    }

    /**
     * Interrupts the launcher once per {@link #go()}, after a random spin. The launcher learns when
     * by spinning on a volatile field: any blocking wait would itself react to the interrupt.
     */
    private static final class Interrupter extends Thread {
        private final Thread target;
        private final long maxSpinNanos;
        private final Semaphore go = new Semaphore(0);
        private volatile long deliveredAt;

        Interrupter(Thread target, long maxSpinNanos) {
            super("interrupter");
            setDaemon(true);
            this.target = target;
            this.maxSpinNanos = Math.max(1, maxSpinNanos);
        }

        void go() {
            deliveredAt = 0;
            go.release();
        }

        /** When the interrupt was delivered; waits for it (bounded), leaving the flag alone. */
        long awaitInterrupted() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long at;
            while ((at = deliveredAt) == 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the interrupter did not interrupt");
                Thread.onSpinWait();
            }
            return at;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    go.acquire();
                    long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(maxSpinNanos);
                    while (System.nanoTime() < until) Thread.onSpinWait();
                    long at = System.nanoTime();
                    target.interrupt();
                    deliveredAt = at;
                }
            } catch (InterruptedException e) {
                // told to end
            }
        }
    }
}
