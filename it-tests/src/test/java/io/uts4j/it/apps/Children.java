package io.uts4j.it.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What child processes started by the calling thread print: the kernel's view of its identity. */
public final class Children {
    private Children() {}

    public static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            return code == 0 ? out : "EXIT" + code + ":" + out;
        } catch (IOException e) {
            return "ERR:" + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ERR:interrupted";
        }
    }

    /** The five ways a child tells its identity, and the Java-level answer beside them. */
    public static Map<String, String> identity() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("thread", Thread.currentThread().getName());
        m.put("java", Report.get(() -> java.net.InetAddress.getLocalHost().getHostName()));
        m.put("hostname", run("hostname"));
        m.put("uname", run("uname", "-n"));
        m.put("proc.hostname", run("cat", "/proc/sys/kernel/hostname"));
        m.put("proc.domainname", run("cat", "/proc/sys/kernel/domainname"));
        m.put("env.HOSTNAME", run("sh", "-c", "echo \"$HOSTNAME\""));
        m.put("runtime.exec", Report.get(() -> new String(Runtime.getRuntime().exec(new String[] {"hostname"})
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()));
        return m;
    }
}
