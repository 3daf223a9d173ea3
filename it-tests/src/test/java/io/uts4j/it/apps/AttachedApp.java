package io.uts4j.it.apps;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running application that the agent is attached to later: thread alpha-1 reports what the JDK
 * and a child process tell it, one {@code @alpha-1} line each time that changes, until standard
 * input closes.
 */
public final class AttachedApp {
    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            Map<String, String> last = Map.of();
            while (true) {
                Map<String, String> now = new LinkedHashMap<>();
                now.put("java", Report.get(() -> InetAddress.getLocalHost().getHostName()));
                now.put("child", Children.run("hostname"));
                if (!now.equals(last)) Report.print("alpha-1", now);
                last = now;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "alpha-1");
        watcher.setDaemon(true);
        watcher.start();
        Report.print("ready", Map.of("pid", String.valueOf(ProcessHandle.current().pid())));
        while (System.in.read() != -1) {
            // runs until the test closes standard input
        }
    }
}
