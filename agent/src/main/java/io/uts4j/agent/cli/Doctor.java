package io.uts4j.agent.cli;

import io.uts4j.agent.ThisJar;
import io.uts4j.agent.kernel.KernelSetup;
import io.uts4j.kernel.KernelSupport;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code doctor}: whether a JVM started like this one can have kernel mode, one line per check.
 * The verdict rests on really creating and entering a namespace; the other checks say why not.
 */
final class Doctor {
    private static final int CAP_SYS_ADMIN = 21;
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path MAX_UTS = Path.of("/proc/sys/user/max_uts_namespaces");

    private Doctor() {}

    /** One check's outcome. */
    private record Check(boolean ok, String name, String detail) {
        void print() {
            System.out.printf("%-3s %-18s %s%n", ok ? "OK" : "NO", name, detail);
        }
    }

    static int run() {
        System.out.println("uts4j " + io.uts4j.agent.Version.of() + " doctor: can tenants of a JVM started like this one have kernel UTS namespaces?");
        System.out.println();
        java().print();
        Check os = os();
        os.print();
        capSysAdmin().print();
        maxUtsNamespaces().print();
        KernelSupport.Probe probe = KernelSupport.probe();
        new Check(probe.usable(), "UTS namespace", probe.usable()
                ? "created one, named it, entered it from a thread and released it"
                : "cannot create and enter one: " + probe.reason()).print();
        System.out.println();
        if (os.ok() && probe.usable()) {
            System.out.println("verdict: kernel mode is available. With kernel=auto (the default) each tenant gets its own");
            System.out.println("         UTS namespace, so child processes and native code see the tenant's hostname too.");
            return 0;
        }
        System.out.println("verdict: kernel mode is NOT available here. With kernel=auto tenants get a Java-level identity");
        System.out.println("         only (child processes see the host's name); kernel=required refuses to start (exit 3).");
        System.out.println("to do:   " + KernelSetup.HOW);
        System.out.println("         Check again the same way: unshare -Uru java -jar " + ThisJar.forCommandLine() + " doctor");
        return 1;
    }

    private static Check java() {
        Runtime.Version v = Runtime.version();
        String threads = v.feature() >= 21 ? "virtual threads available"
                : "no virtual threads (they need JDK 21 or later)";
        return new Check(true, "JDK", v + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home") + "; " + threads);
    }

    private static Check os() {
        String name = System.getProperty("os.name");
        String release = System.getProperty("os.version");
        String detail = name + " " + release + " (" + System.getProperty("os.arch") + ")";
        if (!name.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new Check(false, "kernel", detail + ": UTS namespaces are a Linux feature");
        }
        // setns(2), which joins a namespace, came with Linux 3.0.
        String[] parts = release.split("[.-]");
        boolean recent = parts.length > 1 && parts[0].matches("\\d+") && Integer.parseInt(parts[0]) >= 3;
        return new Check(recent, "kernel", detail + (recent ? "" : ": setns(2) needs Linux 3.0 or later"));
    }

    private static Check capSysAdmin() {
        String capEff;
        try {
            capEff = Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("CapEff:"))
                    .map(l -> l.substring("CapEff:".length()).trim()).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return new Check(false, "CAP_SYS_ADMIN", "cannot read " + STATUS + ": " + e.getMessage());
        }
        if (capEff == null) return new Check(false, "CAP_SYS_ADMIN", STATUS + " has no CapEff line");
        boolean has = new BigInteger(capEff, 16).testBit(CAP_SYS_ADMIN);
        String who = "user " + System.getProperty("user.name") + ", CapEff " + capEff;
        return new Check(has, "CAP_SYS_ADMIN", has ? "effective for this process (" + who + ")"
                : "not effective for this process (" + who + "); creating and entering a namespace needs it");
    }

    private static Check maxUtsNamespaces() {
        String value;
        try {
            // One read: a sysctl file answers a read at a non-zero offset with end of file.
            value = Files.readAllLines(MAX_UTS).stream().findFirst().orElse("").trim();
        } catch (IOException | RuntimeException e) {
            return new Check(false, "namespace limit", "cannot read " + MAX_UTS + ": " + e);
        }
        boolean ok = value.matches("\\d+") && Long.parseLong(value) > 0;
        return new Check(ok, "namespace limit", MAX_UTS + " = " + value
                + (ok ? " (each tenant in kernel mode takes one)" : ": no UTS namespace may be created (raise it with sysctl user.max_uts_namespaces)"));
    }
}
