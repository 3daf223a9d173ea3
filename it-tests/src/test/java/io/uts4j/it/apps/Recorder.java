package io.uts4j.it.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One Runnable object that records what each of its runs saw, in the order they ran. */
public final class Recorder implements Runnable {
    private final List<Seen> runs = new ArrayList<>();

    @Override
    public void run() {
        Seen seen = Seen.now();
        synchronized (runs) {
            runs.add(seen);
            runs.notifyAll();
        }
    }

    /** How many runs so far. */
    public int count() {
        synchronized (runs) {
            return runs.size();
        }
    }

    /** The first {@code n} runs' identities in the order they ran, joined by ','; fails if they do not come in time. */
    public String await(int n) throws InterruptedException {
        List<String> identities = new ArrayList<>();
        for (Seen s : first(n)) identities.add(s.identity());
        return String.join(",", identities);
    }

    /** How many of the first {@code n} runs saw each identity: {@code identity=count;...}, sorted. */
    public String counts(int n) throws InterruptedException {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (Seen s : first(n)) counts.merge(s.identity(), 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    private List<Seen> first(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SharedPools.TIMEOUT_SECONDS);
        synchronized (runs) {
            while (runs.size() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) throw new IllegalStateException(runs.size() + " of " + n + " runs came in time: " + runs);
                runs.wait(left);
            }
            return new ArrayList<>(runs.subList(0, n));
        }
    }
}
