package io.uts4j.it.apps;

import io.uts4j.Uts4jControl;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads of tenant {@code churn} launch {@code hostname} in a loop while the host adds and
 * removes that tenant every 5 ms. Every launch must end: with a Process, or with an IOException
 * (the tenant's namespace closed under it). A launch thread still running when the churn is over
 * and the launch bound (30 s) plus a margin has passed is a hang: its stack is printed. Then the
 * descriptors and threads must be back where they were.
 * Arguments: cycles, launch threads, host hostname.
 */
public final class LaunchChurnCheck {
    /** uts4j's bound on one launch, and a margin for a slow machine: a thread not done by then hangs. */
    private static final long HANG_SECONDS = 30 + 30;
    private static final Map<String, String> CHURN = Map.of("hostname", "churn-1", "threads", "churn-.*");

    public static void main(String[] args) throws Exception {
        Uts4jControl control = Host.control();
        int cycles = Integer.parseInt(args[0]);
        int launchers = Integer.parseInt(args[1]);
        String host = args[2];

        // Warm up everything a launch and a tenant's life use, at the same concurrency, before counting.
        control.addTenant("churn", CHURN);
        Launchers warmUp = new Launchers(launchers, host, 1);
        warmUp.start();
        if (!warmUp.awaitAll(HANG_SECONDS).isEmpty()) throw new IllegalStateException("warm-up launches hung");
        control.removeTenant("churn");
        Resources before = Resources.settle(Resources.now(), 5);

        Launchers running = new Launchers(launchers, host, Integer.MAX_VALUE);
        running.start();
        for (int i = 0; i < cycles; i++) {
            control.addTenant("churn", CHURN);
            Thread.sleep(5);
            control.removeTenant("churn");
            Thread.sleep(5);
        }
        running.stop();
        List<Thread> hung = running.awaitAll(HANG_SECONDS);

        Resources after = Resources.settle(before, 20);
        Map<String, String> m = new TreeMap<>(Resources.compare(before, after));
        m.put("cycles", String.valueOf(cycles));
        m.put("launches", String.valueOf(running.inTenant.get() + running.inHost.get() + running.ioException.get()
                + running.wrong.get()));
        m.put("inTenant", String.valueOf(running.inTenant.get()));
        m.put("inHost", String.valueOf(running.inHost.get()));
        m.put("ioException", String.valueOf(running.ioException.get()));
        m.put("wrong", String.valueOf(running.wrong.get()));
        m.put("hung", String.valueOf(hung.size()));
        m.put("tenants", String.join(",", control.tenants()));
        Report.print("churn", m);
        for (Thread t : hung) {
            System.out.println("hung: " + t.getName());
            for (StackTraceElement e : t.getStackTrace()) System.out.println("\tat " + e);
        }
        running.messages.stream().limit(10).forEach(s -> System.out.println("message: " + s));
        System.exit(hung.isEmpty() ? 0 : 1);
    }

    /** The tenant's launch threads, each launching until told to stop, or its limit. */
    private static final class Launchers {
        final AtomicLong inTenant = new AtomicLong();
        final AtomicLong inHost = new AtomicLong();
        final AtomicLong ioException = new AtomicLong();
        final AtomicLong wrong = new AtomicLong(); // another exception, or a child that saw someone else
        final Set<String> messages = ConcurrentHashMap.newKeySet();
        private final String host;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stop;

        Launchers(int n, String host, int perThread) {
            this.host = host;
            for (int i = 1; i <= n; i++) {
                threads.add(new Thread(() -> {
                    for (int k = 0; k < perThread && !stop; k++) launchOnce();
                }, "churn-" + i));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void stop() {
            stop = true;
        }

        /** The threads still launching after the bound: each one is stuck in a launch. */
        List<Thread> awaitAll(long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> hung = new ArrayList<>();
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) hung.add(t);
            }
            return hung;
        }

        private void launchOnce() {
            try {
                Process p = new ProcessBuilder("hostname").redirectInput(new File("/dev/null"))
                        .redirectErrorStream(true).start();
                String out;
                try (var in = p.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("hostname did not end");
                }
                if (out.equals("churn-1")) {
                    inTenant.incrementAndGet();
                } else if (out.equals(host)) {
                    inHost.incrementAndGet();
                } else {
                    wrong.incrementAndGet();
                    messages.add("a child saw hostname " + out);
                }
            } catch (IOException e) {
                ioException.incrementAndGet();
                messages.add(String.valueOf(e.getMessage()).replaceAll("\\d+", "#"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                wrong.incrementAndGet();
            } catch (RuntimeException | Error e) {
                wrong.incrementAndGet();
                messages.add(e.toString());
            }
        }
    }
}
