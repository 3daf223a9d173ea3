package io.uts4j.agent.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One tenant as configured and validated.
 *
 * @param hostname  the hostname; null only when the tenant adopts a namespace, whose name it takes
 * @param address   the IP address bytes, or null for the real local host's address
 * @param threads   the thread-name rule, or null
 * @param loader    the context-class-loader rule, or null
 * @param namespace {@code new}, {@code none}, or the absolute path of a namespace file to adopt
 */
public record TenantSpec(String id, String hostname, String domainname, byte[] address, Pattern threads,
                         Pattern loader, String namespace, Map<String, String> env,
                         Map<String, String> properties) {
    public static final String NAMESPACE_NEW = "new";
    public static final String NAMESPACE_NONE = "none";
}
