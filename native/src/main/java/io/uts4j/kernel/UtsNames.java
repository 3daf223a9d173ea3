package io.uts4j.kernel;

/**
 * What {@code uname(2)} reports inside one UTS namespace. Only {@code hostname} (the kernel's
 * {@code nodename}) and {@code domainname} can differ between namespaces; the others are the
 * kernel's own and the same everywhere.
 *
 * @param hostname   the host name ({@code nodename})
 * @param domainname the NIS domain name; the kernel's default is {@code "(none)"}
 * @param sysname    the operating system name, {@code "Linux"}
 * @param release    the kernel release, e.g. {@code "6.1.0-18-amd64"}
 * @param version    the kernel build version
 * @param machine    the hardware name, e.g. {@code "x86_64"}
 */
public record UtsNames(String hostname, String domainname, String sysname, String release, String version,
                       String machine) {
}
