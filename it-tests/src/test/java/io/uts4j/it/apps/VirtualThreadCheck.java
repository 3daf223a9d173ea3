package io.uts4j.it.apps;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual threads (JDK 21+, reached by reflection so this compiles for 17): each carries its own
 * binding, not its carrier's. Many virtual threads of different identities are interleaved on a
 * single carrier; each checks every answer after every yield. Exits 1 on any wrong answer.
 */
public final class VirtualThreadCheck {
    public static void main(String[] args) throws Exception {
        Host.control(); // the host takes its capability before any tenant code runs
        String host = args[0];
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Object builder = ofVirtual.invoke(null);
        Method unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
        ExecutorService perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        AtomicLong wrong = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Future<?>> inherited = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Started by a bound platform thread through a thread-per-task executor: inherits alpha.
            Report.onThread("alpha-" + i, () -> inherited.add(perTask.submit(() -> loop("alpha", wrong, checks))));
            threads.add((Thread) unstarted.invoke(builder, (Runnable) () -> {
                try (TenantScope s = Host.control().enter("gamma")) {
                    loop("gamma", wrong, checks);
                }
            }));
            threads.add((Thread) unstarted.invoke(builder, (Runnable) () -> loop(host, wrong, checks)));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        for (Future<?> f : inherited) f.get();
        perTask.shutdown();
        System.out.println("@virtual\tchecks=" + checks.get() + "\twrong=" + wrong.get());
        System.exit(wrong.get() == 0 && checks.get() > 0 ? 0 : 1);
    }

    private static void loop(String expected, AtomicLong wrong, AtomicLong checks) {
        for (int i = 0; i < 200; i++) {
            String seen = name(() -> InetAddress.getLocalHost().getHostName());
            if (!expected.equals(seen)) {
                if (wrong.incrementAndGet() < 5) System.out.println("expected " + expected + ", saw " + seen);
            }
            checks.incrementAndGet();
            Thread.yield(); // unmounts: the next iteration may run on another carrier, or this carrier runs another
        }
    }

    private static String name(Callable<String> c) {
        try {
            return c.call();
        } catch (Exception e) {
            return "ERR:" + e;
        }
    }
}
