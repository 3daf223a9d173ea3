package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a task sees of its identity, where it ran: {@code hostname|os.name|REGION} from the APIs an
 * unmodified application calls ({@code InetAddress.getLocalHost()}, a property and an environment
 * variable the tenants override), and the thread's name.
 */
public record Seen(String thread, String identity) {
    /** The calling thread, now. */
    public static Seen now() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "ERR:" + e;
        }
        return new Seen(Thread.currentThread().getName(),
                host + "|" + System.getProperty("os.name") + "|" + System.getenv("REGION"));
    }

    /** As {@link #now}, after working for a while: long enough that a pool's other workers wake and take part. */
    public static Seen afterWorking(long millis) {
        try {
            Thread.sleep(millis); // the task's own work, not a wait for anything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return now();
    }

    /** The distinct identities among these, sorted, joined by ';'. */
    public static String identities(Collection<Seen> all) {
        TreeSet<String> distinct = new TreeSet<>();
        for (Seen s : all) distinct.add(s.identity());
        return String.join(";", distinct);
    }

    /** Those that ran on a thread other than the named one. */
    public static List<Seen> offThread(Collection<Seen> all, String thread) {
        List<Seen> off = new ArrayList<>();
        for (Seen s : all) if (!s.thread().equals(thread)) off.add(s);
        return off;
    }
}
