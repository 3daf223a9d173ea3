package io.uts4j.it.apps;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many threads of several tenants (bound by name rule and by API) and unbound threads call every
 * instrumented API in a tight loop; each compares the answer with its own identity. Prints the
 * counts and exits 1 on any answer that belongs to someone else.
 * Arguments: iterations, threads per identity, host hostname.
 */
public final class ConcurrencyCheck {
    public static void main(String[] args) throws Exception {
        Host.control(); // the host takes its capability before any tenant code runs
        int iterations = Integer.parseInt(args[0]);
        int perIdentity = Integer.parseInt(args[1]);
        String host = args[2];
        AtomicLong calls = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        List<String> firstWrong = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        String[][] identities = {{"alpha-", null, "alpha"}, {"beta-", null, "beta"}, {"api-", "gamma", "gamma"},
                {"plain-", null, host}};
        for (String[] id : identities) {
            for (int i = 0; i < perIdentity; i++) {
                String expected = id[2];
                String apiTenant = id[1];
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        if (apiTenant == null) {
                            loop(iterations, expected, calls, wrong, firstWrong);
                        } else {
                            try (TenantScope s = Host.control().enter(apiTenant)) {
                                loop(iterations, expected, calls, wrong, firstWrong);
                            }
                        }
                    } catch (Exception e) {
                        wrong.incrementAndGet();
                        firstWrong.add(Thread.currentThread().getName() + ": " + e);
                    }
                }, id[0] + i));
            }
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join();
        System.out.println("calls=" + calls.get() + " wrong=" + wrong.get());
        firstWrong.stream().limit(10).forEach(System.out::println);
        System.exit(wrong.get() == 0 && calls.get() > 0 ? 0 : 1);
    }

    private static void loop(int iterations, String expected, AtomicLong calls, AtomicLong wrong,
                             List<String> firstWrong) throws Exception {
        boolean isHost = !expected.equals("alpha") && !expected.equals("beta") && !expected.equals("gamma");
        String pid = Long.toString(ProcessHandle.current().pid());
        long n = 0;
        for (int i = 0; i < iterations; i++) {
            check(expected, InetAddress.getLocalHost().getHostName(), "getLocalHost", wrong, firstWrong);
            check(expected, ManagementFactory.getRuntimeMXBean().getName(), "mx", pid + "@" + expected, wrong, firstWrong);
            if (!isHost) {
                check(expected, System.getenv("HOSTNAME"), "getenv", wrong, firstWrong);
                check(expected, System.getenv().get("HOSTNAME"), "getenv()", wrong, firstWrong);
                check(expected, InetAddress.getByName(expected).getHostName(), "getByName", wrong, firstWrong);
                check(expected + "-os", System.getProperty("os.name"), "getProperty", wrong, firstWrong);
            } else {
                check(System.getProperty("os.name"), System.getProperty("os.name", "x"), "getProperty", wrong, firstWrong);
            }
            n += isHost ? 3 : 6;
        }
        calls.addAndGet(n);
    }

    private static void check(String expected, String actual, String what, AtomicLong wrong, List<String> firstWrong) {
        check(expected, actual, what, expected, wrong, firstWrong);
    }

    private static void check(String who, String actual, String what, String expected, AtomicLong wrong,
                              List<String> firstWrong) {
        if (!expected.equals(actual)) {
            wrong.incrementAndGet();
            if (firstWrong.size() < 10) {
                firstWrong.add(Thread.currentThread().getName() + " (" + who + ") " + what + " gave " + actual);
            }
        }
    }
}
