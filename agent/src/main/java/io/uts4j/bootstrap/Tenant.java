package io.uts4j.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * One tenant's system identity as the instrumented JDK methods answer it: immutable, but for the
 * values computed on first use, the kernel namespace the agent attaches, and a launch counter.
 * Internal: built by the agent from validated configuration.
 */
public final class Tenant {
    private final String id;
    private final String hostname;
    private final String domainname;
    private final String fqdn;
    private final byte[] address; // null: the real local host's address, looked up on first use
    private final Pattern threadNames;
    private final Pattern loaders;
    private final Map<String, String> env;
    private final Map<String, String> properties;

    private final LongAdder launched = new LongAdder();
    private volatile TenantNamespace namespace;
    private volatile InetAddress localHost;
    private volatile Map<String, String> environment;

    public Tenant(String id, String hostname, String domainname, byte[] address, Pattern threadNames,
                  Pattern loaders, Map<String, String> env, Map<String, String> properties) {
        this.id = id;
        this.hostname = hostname;
        this.domainname = domainname;
        this.fqdn = domainname == null ? hostname : hostname + "." + domainname;
        this.address = address == null ? null : address.clone();
        this.threadNames = threadNames;
        this.loaders = loaders;
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOSTNAME", hostname); // what a shell inside the tenant's container would export
        this.env = Collections.unmodifiableMap(e);
        this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
    }

    public String id() { return id; }
    public String hostname() { return hostname; }
    /** The domain name, or null when none is set. */
    public String domainname() { return domainname; }
    /** {@code hostname.domainname}, or the hostname when no domain is set. */
    public String fqdn() { return fqdn; }
    public Pattern threadNames() { return threadNames; }
    /** The context-class-loader rule, or null. */
    public Pattern loaders() { return loaders; }
    /** Environment overrides, HOSTNAME included. */
    public Map<String, String> envOverrides() { return env; }
    public Map<String, String> propertyOverrides() { return properties; }

    /** How many child processes this tenant's threads have started. */
    public long processesLaunched() { return launched.sum(); }

    void countLaunch() { launched.increment(); }

    /** The tenant's kernel namespace, or null when it has none. */
    public TenantNamespace namespace() { return namespace; }

    /** Set once by the agent, before the tenant is installed. */
    public void attachNamespace(TenantNamespace ns) { this.namespace = ns; }

    boolean isOwnName(String name) {
        return name != null && (name.equalsIgnoreCase(hostname) || name.equalsIgnoreCase(fqdn));
    }

    /** The tenant's local host: its hostname on its address. */
    public InetAddress localHost() throws UnknownHostException {
        InetAddress a = localHost;
        if (a == null) {
            localHost = a = InetAddress.getByAddress(hostname, addressBytes());
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

    /** The real environment with this tenant's overrides; built once, on first use. */
    Map<String, String> environment(Map<String, String> real) {
        Map<String, String> m = environment;
        if (m == null) {
            Map<String, String> merged = new HashMap<>(real);
            merged.putAll(env);
            environment = m = Collections.unmodifiableMap(merged);
        }
        return m;
    }

    @Override
    public String toString() {
        return "tenant " + id + " (" + fqdn + ")";
    }
}
