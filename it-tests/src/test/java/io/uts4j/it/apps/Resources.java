package io.uts4j.it.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a leak would grow in a JVM, counted from inside: open file descriptors ({@code /proc/self/fd})
 * and live platform threads.
 *
 * <p>Threads of the JDK's own pools are counted apart, in {@code poolThreads}: the process reaper
 * (a cached pool, one thread per child alive at once, idle threads end after 60 s), the common
 * fork-join pool and the virtual threads' carriers. They grow with the load just made and shrink on
 * their own clock, so their number a moment after a run says nothing about a leak; every other
 * thread (uts4j's dedicated threads above all) must be back to where it was.
 */
public record Resources(int fds, int threads, int poolThreads, Map<String, Integer> byKind) {
    public static Resources now() {
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            fds = (int) open.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int threads = 0;
        int pool = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String kind = t.getName().replaceAll("\\d+", "#");
            byKind.merge(kind, 1, Integer::sum);
            if (isJdkPool(kind)) {
                pool++;
            } else {
                threads++;
            }
        }
        return new Resources(fds, threads, pool, byKind);
    }

    private static boolean isJdkPool(String kind) {
        return kind.equals("process reaper") || kind.startsWith("ForkJoinPool");
    }

    /** Whether nothing counted is above {@code before}: no descriptor and no thread more. */
    public boolean backTo(Resources before) {
        return backTo(before, Map.of());
    }

    /**
     * As {@link #backTo(Resources)}, but threads of the kinds in {@code mayGrowTo} may be more than
     * before, up to the number given for each: the threads of a bounded pool that lives on.
     */
    public boolean backTo(Resources before, Map<String, Integer> mayGrowTo) {
        int allowed = 0;
        for (Map.Entry<String, Integer> k : mayGrowTo.entrySet()) {
            int now = byKind.getOrDefault(k.getKey(), 0);
            if (now > k.getValue()) return false;
            allowed += Math.max(0, now - before.byKind.getOrDefault(k.getKey(), 0));
        }
        return fds <= before.fds && threads <= before.threads + allowed;
    }

    /**
     * Counts again until nothing is above {@code before}, for at most {@code seconds}: what ends
     * after the work that made it (a dedicated thread after its last task, a descriptor closed by the
     * last thread using it) gets its time; a leak stays.
     */
    public static Resources settle(Resources before, int seconds) throws InterruptedException {
        return settle(before, Map.of(), seconds);
    }

    /** As {@link #settle(Resources, int)}, with {@link #backTo(Resources, Map)}. */
    public static Resources settle(Resources before, Map<String, Integer> mayGrowTo, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Resources now = now();
        while (!now.backTo(before, mayGrowTo) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = now();
        }
        return now;
    }

    /** The values for a report line: {@code fds.before}, {@code fds.after}, ... and the threads above before. */
    public static Map<String, String> compare(Resources before, Resources after) {
        return compare(before, after, Map.of());
    }

    /** As {@link #compare(Resources, Resources)}, with {@link #backTo(Resources, Map)}. */
    public static Map<String, String> compare(Resources before, Resources after, Map<String, Integer> mayGrowTo) {
        Map<String, String> m = new TreeMap<>();
        m.put("fds.before", String.valueOf(before.fds));
        m.put("fds.after", String.valueOf(after.fds));
        m.put("threads.before", String.valueOf(before.threads));
        m.put("threads.after", String.valueOf(after.threads));
        m.put("poolThreads.before", String.valueOf(before.poolThreads));
        m.put("poolThreads.after", String.valueOf(after.poolThreads));
        Map<String, Integer> more = new TreeMap<>();
        after.byKind.forEach((kind, n) -> {
            int was = before.byKind.getOrDefault(kind, 0);
            if (n > was) more.put(kind, n - was);
        });
        m.put("threads.more", more.toString());
        m.put("backTo", String.valueOf(after.backTo(before, mayGrowTo)));
        return m;
    }
}
