package io.uts4j.agent.cli;

import io.uts4j.Uts4j;
import io.uts4j.Uts4jControl;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The application {@code demo} runs in its child JVM, with the agent attached: the main thread and
 * one thread per tenant (named so that the tenant's thread rule binds it) each ask the JDK and a
 * child process who they are. Prints one {@link DemoRow} line per thread and a kernel-mode line.
 */
final class DemoApp {
    static final String KERNEL_LINE = "kernel\t";

    private DemoApp() {}

    static int run() {
        if (!Uts4j.isAttached()) {
            System.err.println("uts4j: demo-app runs inside the JVM that 'demo' starts; run: java -jar uts4j-agent.jar demo");
            return Commands.EXIT_USAGE;
        }
        // The demo's main is the host's own code: it takes the host's capability, first thing.
        Uts4jControl control = Uts4j.control();
        List<String> tenants = control.tenants();
        DemoRow[] rows = new DemoRow[tenants.size() + 1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            int row = i + 1;
            Thread t = new Thread(() -> rows[row] = observe(), Demo.workerName(tenants.get(i)));
            t.start();
            threads.add(t);
        }
        rows[0] = observe();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        for (DemoRow r : rows) System.out.println(r.toLine());
        // Kernel mode is on when every tenant got a namespace (each asks for one in the demo).
        boolean kernel = !tenants.isEmpty() && tenants.stream().allMatch(t -> control.namespaceInode(t).isPresent());
        System.out.println(KERNEL_LINE + (kernel ? "on" : "off"));
        return 0;
    }

    /** What the calling thread is told by the JDK, and by child processes it starts. */
    private static DemoRow observe() {
        return new DemoRow(Thread.currentThread().getName(), Uts4j.currentTenant().orElse(""),
                answer(() -> InetAddress.getLocalHost().getHostName()),
                answer(() -> {
                    String v = System.getenv("HOSTNAME");
                    return v == null ? "(unset)" : v;
                }),
                answer(() -> ManagementFactory.getRuntimeMXBean().getName()),
                answer(() -> output("hostname")),
                answer(() -> output("uname", "-n")));
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        return code == 0 ? out : "(exit " + code + ": " + out + ")";
    }

    private interface Question {
        String ask() throws Exception;
    }

    private static String answer(Question q) {
        try {
            return q.ask();
        } catch (Exception e) {
            return "(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }
}
