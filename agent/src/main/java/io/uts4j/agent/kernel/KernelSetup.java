package io.uts4j.agent.kernel;

import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.kernel.InitialNames;
import io.uts4j.kernel.NamespaceException;
import io.uts4j.kernel.UtsNames;
import io.uts4j.kernel.UtsNamespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each tenant that asks for one a kernel namespace: created with the tenant's names, or
 * adopted from a file (whose names then are the tenant's). All or nothing: on any failure every
 * namespace opened so far is closed again. The same for the configured tenants at start and for
 * one added at run time.
 */
public final class KernelSetup {
    /** How to get kernel mode, for the messages. */
    public static final String HOW = "run the JVM as root (CAP_SYS_ADMIN), or as an unprivileged user inside "
            + "a user namespace: unshare -Uru java ...";
    private static final String ADOPT_VALID = "valid: new, none, or a UTS namespace file such as one bind-mounted by "
            + "'unshare --uts=FILE', or /proc/<pid>/ns/uts of a process in another UTS namespace";

    private KernelSetup() {}

    /**
     * What kernel mode came to: the namespaces by tenant id, each tenant's names as its namespace
     * holds them (an adopted namespace's are the tenant's), and a notice to print when kernel mode is
     * not available under {@code auto}.
     */
    public record Outcome(Map<String, TenantNamespace> namespaces, Map<String, String[]> names, String notice) {
        public static final Outcome NONE = new Outcome(Map.of(), Map.of(), null);
    }

    /** Kernel mode is required and this JVM cannot have it. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Whether any tenant asks for a namespace and kernel mode is not off. */
    public static boolean wanted(KernelMode mode, List<TenantSpec> specs) {
        if (mode == KernelMode.OFF) return false;
        for (TenantSpec t : specs) {
            if (t.wantsNamespace()) return true;
        }
        return false;
    }

    /**
     * Whether the JVM must wait for the outcome before main: when kernel mode is required, or a
     * tenant adopts a namespace (a bad path or a hostname that disagrees must stop it). Otherwise
     * creating namespaces can proceed while the application starts.
     */
    public static boolean decidesStart(KernelMode mode, List<TenantSpec> specs) {
        if (mode == KernelMode.OFF) return false;
        if (mode == KernelMode.REQUIRED) return wanted(mode, specs);
        for (TenantSpec t : specs) {
            if (t.adopts()) return true;
        }
        return false;
    }

    public static Outcome open(KernelMode mode, List<TenantSpec> specs) throws ConfigException, Unavailable {
        if (!wanted(mode, specs)) return Outcome.NONE;
        Map<String, TenantNamespace> namespaces = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        try {
            if (!UtsNamespace.isSupported()) {
                return unavailable(mode, specs, "this JVM cannot use Linux UTS namespaces (not Linux, or JNA cannot load)",
                        true);
            }
            // New namespaces are made in one batch (one short-lived thread unsharing again and again:
            // thousands take a fraction of a second); adopted ones are opened one by one.
            List<TenantSpec> made = new ArrayList<>();
            List<InitialNames> initial = new ArrayList<>();
            for (TenantSpec t : specs) {
                if (!t.wantsNamespace()) continue;
                if (t.adopts()) {
                    UtsNamespace ns = adopt(t);
                    namespaces.put(t.id(), new TenantNamespace(t.id(), ns));
                    names.put(t.id(), namesOf(t, ns));
                } else {
                    made.add(t);
                    initial.add(new InitialNames(t.hostname(), t.domainname()));
                }
            }
            List<UtsNamespace> created = initial.isEmpty() ? List.of() : UtsNamespace.createAll(initial);
            for (int i = 0; i < made.size(); i++) {
                TenantSpec t = made.get(i);
                namespaces.put(t.id(), new TenantNamespace(t.id(), created.get(i)));
                names.put(t.id(), new String[] {t.hostname(), t.domainname()});
            }
            return new Outcome(namespaces, names, null);
        } catch (NamespaceException e) {
            closeAll(namespaces);
            if (e.reason() == NamespaceException.Reason.PERMISSION || e.reason() == NamespaceException.Reason.UNSUPPORTED
                    || e.reason() == NamespaceException.Reason.LIMIT) {
                return unavailable(mode, specs, e.getMessage(), e.reason() != NamespaceException.Reason.LIMIT);
            }
            throw new ConfigException("cannot give the tenants kernel namespaces: " + e.getMessage());
        } catch (ConfigException | RuntimeException | Error e) {
            closeAll(namespaces);
            throw e;
        }
    }

    /**
     * @param privilege whether the JVM lacks the privilege (a limit on the number of namespaces is
     *                  not helped by running as root: the reason says what is)
     */
    private static Outcome unavailable(KernelMode mode, List<TenantSpec> specs, String reason, boolean privilege)
            throws ConfigException, Unavailable {
        String why = "kernel UTS namespaces are not available to this JVM (" + reason + ")";
        String how = privilege ? HOW : "raise the limit the reason names, or give fewer tenants a namespace";
        if (mode == KernelMode.REQUIRED) throw new Unavailable(why + "; kernel=required: " + how);
        for (TenantSpec t : specs) {
            if (t.hostname() == null) {
                throw new ConfigException("tenant '" + t.id() + "' adopts namespace " + t.namespace()
                        + " for its names, but " + why + "; give key 'tenant." + t.id() + ".hostname'");
            }
        }
        return new Outcome(Map.of(), Map.of(), why + ": tenants have a Java-level identity only; for kernel mode, "
                + how + " (kernel=off silences this)");
    }

    private static void closeAll(Map<String, TenantNamespace> namespaces) {
        for (TenantNamespace k : namespaces.values()) k.close();
    }

    private static UtsNamespace adopt(TenantSpec t) throws ConfigException {
        UtsNamespace ns;
        try {
            ns = UtsNamespace.adopt(Path.of(t.namespace()));
        } catch (NamespaceException e) {
            if (e.reason() == NamespaceException.Reason.PERMISSION) throw e;
            throw new ConfigException("key 'tenant." + t.id() + ".namespace' has value '" + t.namespace() + "': "
                    + e.getMessage() + "; " + ADOPT_VALID);
        }
        String host = hostNamespaceItIs(ns);
        if (host != null) {
            ns.close();
            throw new ConfigException("key 'tenant." + t.id() + ".namespace' has value '" + t.namespace() + "', which is "
                    + host + ": the tenant's children could rename the host; " + ADOPT_VALID);
        }
        return ns;
    }

    /** Which of the host's own namespaces (the JVM's, or init's) this is, or null for none of them. */
    private static String hostNamespaceItIs(UtsNamespace ns) {
        String[][] hosts = {{"/proc/self/ns/uts", "the namespace this JVM runs in"},
                {"/proc/1/ns/uts", "the host's namespace (init's, /proc/1/ns/uts)"}};
        try (UtsNamespace here = UtsNamespace.ofCurrentThread()) {
            if (here.sameAs(ns)) return "the namespace this JVM runs in";
        }
        for (String[] h : hosts) {
            try (UtsNamespace other = UtsNamespace.adopt(Path.of(h[0]))) {
                if (other.sameAs(ns)) return h[1];
            } catch (NamespaceException e) {
                // not readable here (init's, for an unprivileged JVM): then it cannot be adopted either
            }
        }
        return null;
    }

    /** An adopted namespace's names are the tenant's; a configured hostname must agree with them. */
    private static String[] namesOf(TenantSpec t, UtsNamespace ns) throws ConfigException {
        UtsNames n = ns.names();
        String domain = TenantNamespace.domain(n.domainname());
        String problem = null;
        if (t.hostname() != null && !t.hostname().equals(n.hostname())) {
            problem = "key 'tenant." + t.id() + ".hostname' has value '" + t.hostname() + "', but the namespace it "
                    + "adopts (" + t.namespace() + ") holds hostname '" + n.hostname() + "'; valid: leave the "
                    + "hostname out (an adopted namespace's names are the tenant's), or '" + n.hostname() + "'";
        } else if (t.domainname() != null && !t.domainname().equals(domain)) {
            problem = "key 'tenant." + t.id() + ".domainname' has value '" + t.domainname() + "', but the namespace "
                    + "it adopts (" + t.namespace() + ") holds domain name '" + n.domainname() + "'; valid: leave it "
                    + "out, or '" + n.domainname() + "'";
        }
        if (problem != null) throw new ConfigException(problem);
        return new String[] {n.hostname(), domain};
    }
}
