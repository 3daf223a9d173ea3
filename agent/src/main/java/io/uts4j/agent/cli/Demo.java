package io.uts4j.agent.cli;

import io.uts4j.agent.ThisJar;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo}: starts a JVM with the agent and example tenants (running {@link DemoApp}), and prints
 * what each of its threads was told, as one table, and whether kernel mode was on.
 */
final class Demo {
    /** Example tenants: id, hostname. Names are clearly not real ones. */
    private static final String[][] TENANTS = {{"shop", "shop-1"}, {"blog", "blog-1"}, {"wiki", "wiki-1"}};
    private static final String DOMAIN = "example.test";
    private static final long TIMEOUT_SECONDS = 120;

    private Demo() {}

    /** The name of the thread that works for a tenant; the tenant's thread rule matches it. */
    static String workerName(String tenant) {
        return tenant + "-worker";
    }

    static int run() {
        Path jar = ThisJar.path();
        String agentArgs = agentArgs();
        System.out.println("uts4j demo: a JVM started with -javaagent:" + jar.getFileName() + " and these tenants (kernel=auto):");
        for (String[] t : TENANTS) {
            System.out.println("  " + t[0] + "  hostname " + t[1] + ", domain " + DOMAIN + ", threads " + t[0] + "-.*");
        }
        System.out.println("Its main thread and one thread per tenant each asked the JDK, and child processes they started,");
        System.out.println("who they are:");
        System.out.println();
        Output child;
        try {
            child = runChild(jar, agentArgs);
        } catch (IOException e) {
            System.err.println("uts4j: cannot start the demo JVM: " + e.getMessage());
            return 1;
        }
        List<List<String>> rows = new ArrayList<>();
        String kernel = null;
        for (String line : child.stdout().split("\n")) {
            DemoRow r = DemoRow.parse(line);
            if (r != null) rows.add(r.cells());
            if (line.startsWith(DemoApp.KERNEL_LINE)) kernel = line.substring(DemoApp.KERNEL_LINE.length()).trim();
        }
        if (child.exitCode() != 0 || rows.size() != TENANTS.length + 1 || kernel == null) {
            System.err.println("uts4j: the demo JVM failed (exit " + child.exitCode() + "): "
                    + String.join(" ", child.command()));
            System.err.print(child.stdout());
            System.err.print(child.stderr());
            return 1;
        }
        TextTable.print(DemoRow.HEADINGS, rows, System.out);
        System.out.println();
        if (kernel.equals("on")) {
            System.out.println("kernel mode: on. Each tenant has its own UTS namespace: the child processes of a tenant's");
            System.out.println("thread see the tenant's hostname, as the `hostname` and `uname -n` columns show.");
        } else {
            System.out.println("kernel mode: off: " + reason(child.stderr()));
            System.out.println("The JDK gives each tenant its names; child processes see the host's. To enable kernel mode,");
            System.out.println("run as root, or as an unprivileged user in a user namespace: unshare -Ur java -jar "
                    + ThisJar.forCommandLine() + " demo");
        }
        System.out.println();
        System.out.println("Try it on your application: java -javaagent:" + ThisJar.forCommandLine()
                + "=tenant.shop.hostname=shop-1,tenant.shop.threads=shop-.* -jar app.jar");
        return 0;
    }

    private static String agentArgs() {
        StringBuilder s = new StringBuilder("kernel=auto");
        for (String[] t : TENANTS) {
            String key = ",tenant." + t[0] + ".";
            s.append(key).append("hostname=").append(t[1]).append(key).append("domainname=").append(DOMAIN)
                    .append(key).append("threads=").append(t[0]).append("-.*");
        }
        return s.toString();
    }

    /** Why the agent in the child went without kernel mode, from the notice it printed. */
    private static String reason(String stderr) {
        for (String line : stderr.split("\n")) {
            if (!line.startsWith("uts4j: ")) continue;
            String notice = line.substring("uts4j: ".length());
            int end = notice.indexOf(": tenants have a Java-level identity only");
            return end > 0 ? notice.substring(0, end) : notice;
        }
        return "the agent could not give the tenants UTS namespaces";
    }

    private record Output(List<String> command, int exitCode, String stdout, String stderr) {}

    private static Output runChild(Path jar, String agentArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-javaagent:" + jar + "=" + agentArgs);
        cmd.addAll(List.of("-cp", jar.toString(), "io.uts4j.launch.CommandLine", Commands.DEMO_APP));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // Its stderr (the agent's notices) is kept out of the table: read it aside, on a thread.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "uts4j-demo-stderr");
        drain.setDaemon(true);
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the demo JVM did not finish within " + TIMEOUT_SECONDS + " s");
            }
            drain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Output(cmd, p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try (in) {
            in.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
