package io.uts4j.it.apps;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Children of tenant threads run in the tenant's kernel namespace; children of other threads, and
 * every thread the JDK starts along the way, stay in the host's. Expects tenants alpha (threads
 * alpha-.*), beta (threads beta-.*) and gamma (API only), all with namespaces.
 */
public final class KernelReport {
    /** The application's own JNA, calling libc as native code would. */
    public interface CLib extends Library {
        int gethostname(byte[] name, int len);
    }

    public static void main(String[] args) throws Exception {
        Host.control(); // the host takes its capability before any tenant code runs
        Report.print("main", Children.identity());
        Report.print("main-missing", Map.of("missing", Children.run("/nonexistent/uts4j-program")));
        Report.onThread("alpha-1", () -> {
            Report.print("alpha", Children.identity());
            try {
                Report.onThread("child-of-alpha", () -> Report.print("alpha-child", Children.identity()));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            Report.print("alpha-launch", launchDetails());
        });
        Report.onThread("beta-1", () -> Report.print("beta", Children.identity()));
        Report.onThread("worker", () -> {
            try (TenantScope s = Host.control().enter("gamma")) {
                Report.print("gamma", Children.identity());
            }
        });
        Map<String, String> api = new LinkedHashMap<>();
        api.put("native.gamma", Host.control().callInNamespace("gamma", KernelReport::nativeHostname));
        api.put("native.main", nativeHostname());
        api.put("kernel.alpha", Host.control().kernelIdentity("alpha").map(Object::toString).orElse("none"));
        api.put("inode.alpha", String.valueOf(Host.control().namespaceInode("alpha").orElse(0)));
        Report.print("api", api);

        Report.print("concurrent", concurrentLaunches());

        // A tenant renames its own namespace; nobody else may notice.
        Report.onThread("alpha-2", () -> Report.print("alpha-rename", Map.of("out", Children.run("hostname", "alpha-renamed"),
                "after", Children.run("hostname"))));
        // The kernel's names are the tenant's: Java follows once the renaming child has exited.
        Report.onThread("alpha-3", () -> {
            String seen = "";
            for (int i = 0; i < 50 && !seen.equals("alpha-renamed"); i++) {
                seen = Report.get(() -> java.net.InetAddress.getLocalHost().getHostName());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Report.print("alpha-after-rename", Children.identity());
        });
        Report.onThread("beta-2", () -> Report.print("beta-after-rename", Children.identity()));
        Report.print("main-after-rename", Children.identity());

        if (Runtime.version().feature() >= 21) {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Thread v = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class)
                    .invoke(builder, (Runnable) () -> {
                        try (TenantScope s = Host.control().enter("gamma")) {
                            Report.print("gamma-virtual", Children.identity());
                        }
                    });
            v.start();
            v.join();
        }

        // Host work started after all those launches: a new thread, the common pool.
        Report.onThread("plain", () -> Report.print("plain", Children.identity()));
        Report.print("pool", CompletableFuture.supplyAsync(Children::identity).get());
        Report.print("threads", threadNamespaces());
    }

    /** Threads of three tenants and of the host launching at once: each child must name its own. */
    static Map<String, String> concurrentLaunches() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger launches = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<String> wrong = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        String host = Children.run("hostname");
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        String[][] who = {{"alpha-c", "alpha", null}, {"beta-c", "beta", null}, {"api-c", "gamma", "gamma"},
                {"host-c", host, null}};
        for (String[] w : who) {
            for (int i = 0; i < 3; i++) {
                threads.add(new Thread(() -> {
                    try (TenantScope s = w[2] == null ? null : Host.control().enter(w[2])) {
                        for (int n = 0; n < 5; n++) {
                            String seen = Children.run("hostname");
                            launches.incrementAndGet();
                            if (!seen.equals(w[1])) wrong.add(Thread.currentThread().getName() + " saw " + seen);
                        }
                    }
                }, w[0] + i));
            }
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        return Map.of("launches", String.valueOf(launches.get()), "wrong", String.valueOf(wrong));
    }

    static String nativeHostname() {
        byte[] buf = new byte[65];
        Native.load("c", CLib.class).gethostname(buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /** Everything else about a launch is as the caller asked: directory, environment, redirects, exit code. */
    static Map<String, String> launchDetails() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("missing", Children.run("/nonexistent/uts4j-program"));
        try {
            File out = File.createTempFile("uts4j-launch", ".txt");
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "pwd; echo \"$FOO $HOSTNAME\"; hostname; echo oops >&2; exit 7")
                    .directory(new File("/tmp")).redirectErrorStream(true).redirectOutput(out);
            pb.environment().put("FOO", "bar");
            int code = pb.start().waitFor();
            m.put("exit", String.valueOf(code));
            m.put("output", Files.readString(out.toPath()).trim().replace('\n', '|'));
            ProcessBuilder own = new ProcessBuilder("sh", "-c", "echo $HOSTNAME");
            own.environment().put("HOSTNAME", "set-by-caller");
            m.put("explicit", new String(own.start().getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            m.put("builder.untouched", String.valueOf(pb.environment().get("HOSTNAME")));
            out.delete();
        } catch (Exception e) {
            m.put("error", e.toString());
        }
        return m;
    }

    /** For every thread of this JVM: its name (as the kernel shortens it) and its UTS namespace. */
    static Map<String, String> threadNamespaces() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String ns = Files.readSymbolicLink(task.resolve("ns/uts")).toString();
                    m.put(task.getFileName() + ":" + comm, ns);
                } catch (java.io.IOException gone) {
                    // the thread ended while we looked
                }
            }
        }
        m.put("host", Files.readSymbolicLink(Path.of("/proc/self/ns/uts")).toString());
        return m;
    }
}
