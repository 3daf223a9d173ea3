package io.uts4j.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * One tenant's system identity as the instrumented JDK methods answer it. Its names are one
 * immutable snapshot, replaced whole when the tenant's kernel namespace is renamed (a child ran
 * {@code hostname x}): the kernel is the source of truth wherever there is one. Besides, the agent
 * attaches the kernel namespace and a launch counter. Internal: built by the agent from validated
 * configuration.
 */
public final class Tenant {
    private final String id;
    private final byte[] address; // null: the real local host's address, looked up on first use
    private final Pattern threadNames;
    private final Pattern loaders;
    private final Map<String, String> configuredEnv;
    private final Map<String, String> properties;

    private final LongAdder launched = new LongAdder();
    private volatile TenantNamespace namespace;
    private volatile Names names;

    public Tenant(String id, String hostname, String domainname, byte[] address, Pattern threadNames,
                  Pattern loaders, Map<String, String> env, Map<String, String> properties) {
        this.id = id;
        this.address = address == null ? null : address.clone();
        this.threadNames = threadNames;
        this.loaders = loaders;
        this.configuredEnv = Map.copyOf(env);
        this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
        this.names = new Names(hostname, domainname, configuredEnv);
    }

    /** The names and what derives from them, consistent with each other. */
    private static final class Names {
        final String hostname;
        final String domainname;
        final String fqdn;
        final Map<String, String> env;
        volatile InetAddress localHost;         // made on first use
        volatile Map<String, String> environment; // made on first use

        Names(String hostname, String domainname, Map<String, String> configuredEnv) {
            this.hostname = hostname;
            this.domainname = domainname;
            this.fqdn = domainname == null ? hostname : hostname + "." + domainname;
            Map<String, String> e = new HashMap<>(configuredEnv);
            e.putIfAbsent("HOSTNAME", hostname); // what a shell inside the tenant's container would export
            this.env = Collections.unmodifiableMap(e);
        }
    }

    public String id() { return id; }
    public String hostname() { return names.hostname; }
    /** The domain name, or null when none is set. */
    public String domainname() { return names.domainname; }
    /** {@code hostname.domainname}, or the hostname when no domain is set. */
    public String fqdn() { return names.fqdn; }
    public Pattern threadNames() { return threadNames; }
    /** The context-class-loader rule, or null. */
    public Pattern loaders() { return loaders; }
    /** Environment overrides, HOSTNAME included. */
    public Map<String, String> envOverrides() { return names.env; }
    public Map<String, String> propertyOverrides() { return properties; }

    /**
     * Takes the names the tenant's kernel namespace holds now, when they differ from the current
     * ones; a domain name of null means none. Called by the agent after a tenant's child has exited.
     */
    public void kernelNamesAre(String hostname, String domainname) {
        Names n = names;
        if (!n.hostname.equals(hostname) || !java.util.Objects.equals(n.domainname, domainname)) {
            names = new Names(hostname, domainname, configuredEnv);
        }
    }

    /** How many child processes this tenant's threads have started. */
    public long processesLaunched() { return launched.sum(); }

    void countLaunch() { launched.increment(); }

    /** The tenant's kernel namespace, or null when it has none. */
    public TenantNamespace namespace() { return namespace; }

    /** Set once by the agent, before the tenant is installed. */
    public void attachNamespace(TenantNamespace ns) { this.namespace = ns; }

    boolean isOwnName(String name) {
        Names n = names;
        return name != null && (name.equalsIgnoreCase(n.hostname) || name.equalsIgnoreCase(n.fqdn));
    }

    /** The tenant's local host: its hostname on its address. */
    public InetAddress localHost() throws UnknownHostException {
        Names n = names;
        InetAddress a = n.localHost;
        if (a == null) {
            n.localHost = a = InetAddress.getByAddress(n.hostname, addressBytes());
        }
        return a;
    }

    /** An address named as the caller spelled the name, as a hosts-file lookup returns it. */
    InetAddress addressNamed(String name) throws UnknownHostException {
        return InetAddress.getByAddress(name, addressBytes());
    }

    byte[] addressBytes() throws UnknownHostException {
        return address != null ? address.clone() : HostIdentity.address().getAddress();
    }

    /** The real environment with this tenant's overrides; built once per set of names, on first use. */
    Map<String, String> environment(Map<String, String> real) {
        Names n = names;
        Map<String, String> m = n.environment;
        if (m == null) {
            Map<String, String> merged = new HashMap<>(real);
            merged.putAll(n.env);
            n.environment = m = Collections.unmodifiableMap(merged);
        }
        return m;
    }

    @Override
    public String toString() {
        return "tenant " + id + " (" + names.fqdn + ")";
    }
}
