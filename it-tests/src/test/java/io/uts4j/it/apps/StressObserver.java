package io.uts4j.it.apps;

import io.uts4j.Uts4j;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compares what the JDK (and a child process) tells the calling thread with what that thread must
 * see, and counts: observations, and wrong answers (the first few kept to print).
 */
final class StressObserver {
    /** What one identity looks like from inside: the JDK's answers and a child's. */
    record Expected(String who, String hostname, String env, String osName) {
        String child() {
            return (hostname + " " + (env == null ? "" : env)).trim();
        }
    }

    final LongAdder observations = new LongAdder();
    final LongAdder wrong = new LongAdder();
    final LongAdder launches = new LongAdder();
    private final ConcurrentLinkedQueue<String> firstWrong = new ConcurrentLinkedQueue<>();
    final Expected host;
    private final Map<String, Expected> tenants;

    StressObserver(String hostHostname, Map<String, Expected> tenants) {
        this.host = new Expected("host", hostHostname, System.getenv("HOSTNAME"), System.getProperty("os.name"));
        this.tenants = tenants;
    }

    Expected tenant(String id) {
        return Objects.requireNonNull(tenants.get(id), id);
    }

    /** What a thread bound by its name alone must see: the tenant its name's rule names, or the host. */
    Expected byName(String threadName) {
        int dash = threadName.indexOf('-');
        Expected e = dash < 0 ? null : tenants.get(threadName.substring(0, dash));
        return e == null ? host : e;
    }

    /** Every Java-level answer, checked. */
    void check(Expected e, String where) {
        try {
            compare(e, where, "getLocalHost", InetAddress.getLocalHost().getHostName(), e.hostname());
            compare(e, where, "getenv", System.getenv("HOSTNAME"), e.env());
            compare(e, where, "getProperty", System.getProperty("os.name"), e.osName());
            compare(e, where, "Uts4j.current", Uts4j.current().hostname(), e.hostname());
            compare(e, where, "Uts4j.currentTenant", Uts4j.currentTenant().orElse("host"), e.who());
        } catch (Exception x) {
            compare(e, where, "exception", x.toString(), "none");
        }
    }

    /** A child process: its hostname (the kernel's, in the tenant's namespace) and its HOSTNAME variable. */
    void launch(Expected e, String where) {
        launches.increment();
        String out;
        try {
            Process p = new ProcessBuilder(List.of("sh", "-c", "echo \"$(hostname) $HOSTNAME\""))
                    .redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
            try (var in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                out = "did not end";
            }
        } catch (Exception x) {
            out = x.toString();
        }
        compare(e, where, "child", out, e.child());
    }

    /** Something that must not happen at all (an exception out of a round, say): one wrong answer. */
    void failed(String where, Throwable t) {
        compare(new Expected("anyone", "", "", ""), where, "failure", t.toString(), "none");
    }

    private void compare(Expected e, String where, String what, String actual, String expected) {
        observations.increment();
        if (!Objects.equals(actual, expected)) {
            wrong.increment();
            if (firstWrong.size() < 20) {
                firstWrong.add(Thread.currentThread().getName() + " (" + where + ", must see " + e.who() + ") " + what
                        + " gave " + actual + ", not " + expected);
            }
        }
    }

    Iterable<String> firstWrong() {
        return firstWrong;
    }
}
