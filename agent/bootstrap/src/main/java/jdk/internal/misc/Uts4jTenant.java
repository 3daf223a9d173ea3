package jdk.internal.misc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One tenant's system identity as the instrumented JDK methods answer it. Its names are one
 * immutable snapshot, replaced whole when the tenant's kernel namespace is renamed (a child ran
 * {@code hostname x}): the kernel is the source of truth wherever there is one. Part of uts4j's
 * hidden bootstrap: built by the agent from validated configuration.
 */
public final class Uts4jTenant {
    private final String id;
    private final byte[] address; // null: the real local host's address, looked up on first use
    private final Map<String, String> configuredEnv;
    private final Map<String, String> properties;
    private volatile Names names;

    public Uts4jTenant(String id, String hostname, String domainname, byte[] address, Map<String, String> env,
                       Map<String, String> properties) {
        this.id = id;
        this.address = address == null ? null : address.clone();
        this.configuredEnv = Collections.unmodifiableMap(new HashMap<>(env));
        this.properties = Collections.unmodifiableMap(new HashMap<>(properties));
        this.names = new Names(hostname, domainname, configuredEnv);
    }

    /** The names and what derives from them, consistent with each other. */
    private static final class Names {
        final String hostname;
        final String domainname;
        final String fqdn;
        final Map<String, String> env;
        volatile InetAddress localHost;           // made on first use
        volatile Map<String, String> environment; // made on first use

        Names(String hostname, String domainname, Map<String, String> configuredEnv) {
            this.hostname = hostname;
            this.domainname = domainname;
            this.fqdn = domainname == null ? hostname : new StringBuilder(hostname).append('.').append(domainname)
                    .toString();
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
    /** Environment overrides, HOSTNAME included. */
    public Map<String, String> envOverrides() { return names.env; }
    public Map<String, String> propertyOverrides() { return properties; }
    /** The configured address, or null for the real local host's. */
    public byte[] configuredAddress() { return address == null ? null : address.clone(); }

    boolean envOverridesHostnameExplicitly() {
        return configuredEnv.containsKey("HOSTNAME");
    }

    /** The value of one environment variable the tenant overrides (HOSTNAME follows its names). */
    String env(String key) {
        return names.env.get(key);
    }

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

    boolean isOwnName(String name) {
        Names n = names;
        return name != null && (name.equalsIgnoreCase(n.hostname) || name.equalsIgnoreCase(n.fqdn));
    }

    /** The tenant's local host: its hostname on its address. */
    InetAddress localHost() throws UnknownHostException {
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
        return address != null ? address.clone() : Uts4jHost.address().getAddress();
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
        return new StringBuilder("tenant ").append(id).append(" (").append(names.fqdn).append(')').toString();
    }
}
