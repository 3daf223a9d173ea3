package io.uts4j.it.apps;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** What the JDK tells the calling thread about its identity, printed as one {@code @who\tkey=value} line. */
public final class Report {
    private Report() {}

    /** The identity APIs uts4j instruments, as an unmodified application calls them. */
    public static Map<String, String> identity(String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("thread", Thread.currentThread().getName());
        m.put("localHost.name", get(() -> InetAddress.getLocalHost().getHostName()));
        m.put("localHost.address", get(() -> InetAddress.getLocalHost().getHostAddress()));
        m.put("localHost.canonical", get(() -> InetAddress.getLocalHost().getCanonicalHostName()));
        m.put("env.HOSTNAME", System.getenv("HOSTNAME"));
        m.put("envMap.HOSTNAME", System.getenv().get("HOSTNAME"));
        m.put("env.REGION", System.getenv("REGION"));
        m.put("envMap.REGION", System.getenv().get("REGION"));
        m.put("env.PATH", System.getenv("PATH"));
        m.put("prop.os.name", System.getProperty("os.name"));
        m.put("prop.os.name.default", System.getProperty("os.name", "none"));
        m.put("prop.java.version", System.getProperty("java.version"));
        m.put("mx.name", ManagementFactory.getRuntimeMXBean().getName());
        m.put("localhost", get(() -> InetAddress.getByName("localhost").getHostAddress()));
        for (String n : names) {
            m.put("byName." + n, get(() -> {
                InetAddress a = InetAddress.getByName(n);
                return a.getHostName() + "/" + a.getHostAddress();
            }));
            m.put("allByName." + n, get(() -> {
                List<String> all = new ArrayList<>();
                for (InetAddress a : InetAddress.getAllByName(n)) all.add(a.getHostAddress());
                return String.join(",", all);
            }));
            m.put("canonical." + n, get(() -> InetAddress.getByName(n).getCanonicalHostName()));
        }
        return m;
    }

    public static void print(String who, Map<String, String> values) {
        StringBuilder b = new StringBuilder("@").append(who);
        values.forEach((k, v) -> b.append('\t').append(k).append('=').append(v));
        synchronized (System.out) {
            System.out.println(b);
        }
    }

    static String get(Callable<Object> c) {
        try {
            return String.valueOf(c.call());
        } catch (Exception e) {
            return "ERR:" + e.getClass().getSimpleName();
        }
    }

    /** Runs a body on a new named platform thread and waits for it. */
    public static void onThread(String name, Runnable body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name);
        t.start();
        t.join();
        if (failure[0] != null) throw new IllegalStateException("thread " + name + " failed", failure[0]);
    }
}
