package io.uts4j.agent.cli;

import java.util.List;

/** One thread's answers in the demo, as the child JVM prints them and the parent reads them. */
record DemoRow(String thread, String tenant, String localHost, String envHostname, String runtimeName,
               String hostnameCommand, String unameN) {
    private static final String PREFIX = "row\t";

    static final List<String> HEADINGS = List.of("thread", "tenant", "getLocalHost()", "$HOSTNAME",
            "RuntimeMXBean name", "`hostname`", "`uname -n`");

    List<String> cells() {
        return List.of(thread, tenant.isEmpty() ? "(host)" : tenant, localHost, envHostname, runtimeName,
                hostnameCommand, unameN);
    }

    String toLine() {
        return PREFIX + String.join("\t", List.of(thread, tenant, localHost, envHostname, runtimeName,
                hostnameCommand, unameN).stream().map(DemoRow::oneLine).toList());
    }

    /** The row a line of the child's output holds, or null if it holds none. */
    static DemoRow parse(String line) {
        if (!line.startsWith(PREFIX)) return null;
        String[] f = line.substring(PREFIX.length()).split("\t", -1);
        if (f.length != 7) return null;
        return new DemoRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }
}
