package io.uts4j;

import java.util.Objects;
import java.util.Optional;

/** A system identity as uts4j answers it to one thread: a tenant's, or the real host's. */
public final class Identity {
    private final String tenantId;
    private final String hostname;
    private final String domainname;

    Identity(String tenantId, String hostname, String domainname) {
        this.tenantId = tenantId;
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.domainname = domainname;
    }

    /** From the bridge's answer: {tenant id or null, hostname, domain name or null}. */
    static Identity of(String[] answer) {
        return new Identity(answer[0], answer[1], answer[2]);
    }

    /** The tenant's id, or empty for the host. */
    public Optional<String> tenantId() { return Optional.ofNullable(tenantId); }

    public boolean isHost() { return tenantId == null; }

    public String hostname() { return hostname; }

    /** The domain name, or empty when none is set. */
    public Optional<String> domainname() { return Optional.ofNullable(domainname); }

    /** {@code hostname.domainname}, or the hostname when no domain name is set. */
    public String fqdn() { return domainname == null ? hostname : hostname + "." + domainname; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity i && Objects.equals(tenantId, i.tenantId) && hostname.equals(i.hostname)
                && Objects.equals(domainname, i.domainname);
    }

    @Override
    public int hashCode() { return Objects.hash(tenantId, hostname, domainname); }

    @Override
    public String toString() {
        return (tenantId == null ? "host" : "tenant " + tenantId) + " " + fqdn();
    }
}
