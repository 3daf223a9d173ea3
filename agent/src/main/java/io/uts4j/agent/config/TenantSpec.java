package io.uts4j.agent.config;

import java.util.Map;

/**
 * One tenant as configured and validated.
 *
 * @param hostname  the hostname; null only when the tenant adopts a namespace, whose name it takes
 * @param address   the IP address bytes, or null for the real local host's address
 * @param threads   the thread-name rule (a whole-match regular expression), or null
 * @param loader    the context-class-loader rule, or null
 * @param namespace {@code new}, {@code none}, or the absolute path of a namespace file to adopt
 */
public record TenantSpec(String id, String hostname, String domainname, byte[] address, String threads,
                         String loader, String namespace, Map<String, String> env,
                         Map<String, String> properties) {
    public static final String NAMESPACE_NEW = "new";
    public static final String NAMESPACE_NONE = "none";

    /** Whether the tenant adopts an existing namespace (from a path) rather than having one made or none. */
    public boolean adopts() {
        return !namespace.equals(NAMESPACE_NEW) && !namespace.equals(NAMESPACE_NONE);
    }

    /** Whether the tenant wants a kernel namespace at all (made or adopted). */
    public boolean wantsNamespace() {
        return !namespace.equals(NAMESPACE_NONE);
    }
}
