package io.uts4j.kernel;

/**
 * The names a new UTS namespace is created with, for {@link UtsNamespace#createAll}.
 *
 * @param hostname   the host name: 1 to 64 bytes in UTF-8
 * @param domainname the domain name (1 to 64 bytes), or {@code null} for the calling thread's own
 */
public record InitialNames(String hostname, String domainname) {
}
