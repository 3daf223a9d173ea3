package io.uts4j.kernel;

import io.uts4j.kernel.NamespaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A namespace's identity: the device and inode of its nsfs file, which is how the kernel documents
 * comparing namespaces. Read with {@code stat(2)} through java.nio, which follows the /proc magic links.
 */
record NamespaceId(long device, long inode) {

    static final Path CURRENT_THREAD = Path.of("/proc/thread-self/ns/uts");

    /** @return the identity of the namespace open on {@code fd} in this process */
    static NamespaceId ofFd(int fd) {
        return of(Path.of("/proc/self/fd/" + fd));
    }

    /**
     * A cheaper {@link #ofFd(int)} for many namespaces: one readlink(2) of {@code /proc/self/fd/<fd>},
     * which the kernel shows as {@code uts:[<inode>]}, and the device every namespace file shares
     * (nsfs is a single file system), read once by the caller. A stat through java.nio costs
     * several times more.
     */
    static NamespaceId ofFd(int fd, long nsfsDevice) {
        String link = "/proc/self/fd/" + fd;
        String target = Syscalls.readlink(link);
        if (!target.startsWith("uts:[") || !target.endsWith("]")) {
            throw new NamespaceException(Reason.OTHER, link, 0,
                    link + " links to " + target + ", not to a UTS namespace uts:[<inode>]", null);
        }
        return new NamespaceId(nsfsDevice, Long.parseLong(target, 5, target.length() - 1, 10));
    }

    /** @return the identity of the calling thread's UTS namespace */
    static NamespaceId ofCurrentThread() {
        return of(CURRENT_THREAD);
    }

    static NamespaceId of(Path path) {
        try {
            Map<String, Object> attrs = Files.readAttributes(path, "unix:dev,ino");
            return new NamespaceId(((Number) attrs.get("dev")).longValue(), ((Number) attrs.get("ino")).longValue());
        } catch (IOException | UnsupportedOperationException e) {
            throw new NamespaceException(Reason.OTHER, path.toString(), 0,
                    "stat " + path + " failed: " + e, e);
        }
    }

    /** @return the form the kernel shows in /proc/[pid]/ns, e.g. {@code uts:[4026531838]} */
    @Override
    public String toString() {
        return "uts:[" + inode + "]";
    }
}
