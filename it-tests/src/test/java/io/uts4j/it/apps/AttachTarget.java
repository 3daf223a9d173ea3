package io.uts4j.it.apps;

import java.net.InetAddress;

/** A running application the agent is attached to later: thread alpha-1 says what it sees, on change. */
public final class AttachTarget {
    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            String last = "";
            for (int i = 0; i < 600; i++) {
                String now = Report.get(() -> InetAddress.getLocalHost().getHostName()) + " child="
                        + Children.run("hostname");
                if (!now.equals(last)) {
                    System.out.println("alpha-1 sees " + now);
                    System.out.flush();
                    last = now;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "alpha-1");
        watcher.start();
        System.out.println("ready");
        System.out.flush();
        watcher.join();
    }
}
