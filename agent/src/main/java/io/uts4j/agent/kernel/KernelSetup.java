package io.uts4j.agent.kernel;

import io.uts4j.agent.config.AgentConfig;
import io.uts4j.agent.config.ConfigException;
import io.uts4j.agent.config.KernelMode;
import io.uts4j.agent.config.TenantSpec;
import io.uts4j.kernel.NamespaceException;
import io.uts4j.kernel.UtsNames;
import io.uts4j.kernel.UtsNamespace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives each tenant that asks for one a kernel namespace: created with the tenant's names, or
 * adopted from a file (whose names then are the tenant's). All or nothing: on any failure every
 * namespace opened so far is closed again.
 */
public final class KernelSetup {
    /** How to get kernel mode, for the messages. */
    public static final String HOW = "run the JVM as root (CAP_SYS_ADMIN), or as an unprivileged user inside "
            + "a user namespace: unshare -Uru java ...";

    private KernelSetup() {}

    /** What kernel mode came to: the namespaces, the names of adopted ones, and a notice to print. */
    public record Outcome(Map<String, KernelNamespace> namespaces, Map<String, String[]> adoptedNames,
                          String notice) {
        public static final Outcome NONE = new Outcome(Map.of(), Map.of(), null);
    }

    /** Kernel mode is required and this JVM cannot have it. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Whether any tenant asks for a namespace and kernel mode is not off. */
    public static boolean wanted(AgentConfig config) {
        if (config.kernel() == KernelMode.OFF) return false;
        for (TenantSpec t : config.tenants()) {
            if (!t.namespace().equals(TenantSpec.NAMESPACE_NONE)) return true;
        }
        return false;
    }

    /**
     * Whether the JVM must wait for the outcome before main: when kernel mode is required, or a
     * tenant adopts a namespace (a bad path or a hostname that disagrees must stop it). Otherwise
     * creating namespaces can proceed while the application starts.
     */
    public static boolean decidesStart(AgentConfig config) {
        if (config.kernel() == KernelMode.REQUIRED) return true;
        for (TenantSpec t : config.tenants()) {
            if (isAdopted(t)) return true;
        }
        return false;
    }

    public static Outcome open(AgentConfig config) throws ConfigException, Unavailable {
        if (!wanted(config)) return Outcome.NONE;
        Map<String, KernelNamespace> namespaces = new LinkedHashMap<>();
        Map<String, String[]> adopted = new LinkedHashMap<>();
        try {
            if (!UtsNamespace.isSupported()) {
                return unavailable(config, "this JVM cannot use Linux UTS namespaces (not Linux, or JNA cannot load)");
            }
            for (TenantSpec t : config.tenants()) {
                if (t.namespace().equals(TenantSpec.NAMESPACE_NONE)) continue;
                UtsNamespace ns;
                if (isAdopted(t)) {
                    ns = adopt(t);
                    adopted.put(t.id(), namesOf(t, ns));
                } else {
                    ns = UtsNamespace.create(t.hostname(), t.domainname());
                }
                namespaces.put(t.id(), new KernelNamespace(t.id(), ns));
            }
            return new Outcome(namespaces, adopted, null);
        } catch (NamespaceException e) {
            closeAll(namespaces);
            if (e.reason() == NamespaceException.Reason.PERMISSION || e.reason() == NamespaceException.Reason.UNSUPPORTED
                    || e.reason() == NamespaceException.Reason.LIMIT) {
                return unavailable(config, e.getMessage());
            }
            throw new ConfigException("cannot give the tenants kernel namespaces: " + e.getMessage());
        } catch (ConfigException | RuntimeException e) {
            closeAll(namespaces);
            throw e;
        }
    }

    private static Outcome unavailable(AgentConfig config, String reason) throws ConfigException, Unavailable {
        String why = "kernel UTS namespaces are not available to this JVM (" + reason + ")";
        if (config.kernel() == KernelMode.REQUIRED) throw new Unavailable(why + "; kernel=required: " + HOW);
        for (TenantSpec t : config.tenants()) {
            if (t.hostname() == null) {
                throw new ConfigException("tenant '" + t.id() + "' adopts namespace " + t.namespace()
                        + " for its names, but " + why + "; give key 'tenant." + t.id() + ".hostname'");
            }
        }
        return new Outcome(Map.of(), Map.of(), why + ": tenants have a Java-level identity only; for kernel mode, "
                + HOW + " (kernel=off silences this)");
    }

    private static boolean isAdopted(TenantSpec t) {
        return !t.namespace().equals(TenantSpec.NAMESPACE_NEW) && !t.namespace().equals(TenantSpec.NAMESPACE_NONE);
    }

    private static void closeAll(Map<String, KernelNamespace> namespaces) {
        for (KernelNamespace k : namespaces.values()) k.close();
    }

    private static UtsNamespace adopt(TenantSpec t) throws ConfigException {
        try {
            return UtsNamespace.adopt(Path.of(t.namespace()));
        } catch (NamespaceException e) {
            if (e.reason() == NamespaceException.Reason.PERMISSION) throw e;
            throw new ConfigException("key 'tenant." + t.id() + ".namespace' has value '" + t.namespace() + "': "
                    + e.getMessage() + "; valid: new, none, or a UTS namespace file such as one bind-mounted by "
                    + "'unshare --uts=FILE' or /proc/<pid>/ns/uts");
        }
    }

    /** An adopted namespace's names are the tenant's; a configured hostname must agree with them. */
    private static String[] namesOf(TenantSpec t, UtsNamespace ns) throws ConfigException {
        UtsNames n;
        try {
            n = ns.names();
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        String domain = "(none)".equals(n.domainname()) ? null : n.domainname();
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
        if (problem != null) {
            ns.close();
            throw new ConfigException(problem);
        }
        return new String[] {n.hostname(), domain};
    }
}
