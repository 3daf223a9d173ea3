package io.uts4j.kernel;

import io.uts4j.kernel.NamespaceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a file that should be a UTS namespace, without opening anything else: a path from a
 * configuration may name a FIFO (whose open() would wait for a writer), a device (whose open may
 * act: a watchdog starts counting), a directory. The path is first resolved with {@code O_PATH},
 * which opens nothing; only a file of nsfs, the kernel's namespace file system, is then reopened
 * through that descriptor — the very file that was checked, even if the path changes meanwhile.
 */
final class NamespaceFile {

    static final String EXPECTED = "expected /proc/<pid>/ns/uts, /proc/<pid>/task/<tid>/ns/uts or a file a UTS"
            + " namespace was bind-mounted on (`unshare --uts=FILE`)";

    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    private NamespaceFile() {
    }

    /**
     * @return a read-only, close-on-exec descriptor of the UTS namespace {@code path} names
     * @throws NamespaceException INVALID if it is not a UTS namespace file; NOT_FOUND, PERMISSION as open(2) says
     */
    static int openUts(Path path) {
        String p = path.toString();
        int located = Syscalls.openPathOnly(p);
        try {
            checkIsNsfsFile(located, p);
            int fd = Syscalls.reopenReadOnly(located, p);
            try {
                checkIsUts(fd, p);
            } catch (RuntimeException | Error e) {
                Syscalls.closeQuietly(fd, e);
                throw e;
            }
            Syscalls.close(located);
            return fd;
        } catch (RuntimeException | Error e) {
            Syscalls.closeQuietly(located, e);
            throw e;
        }
    }

    /** A namespace file is a regular file, mode 0444, on the nsfs device — as /proc/self/ns/uts is. */
    private static void checkIsNsfsFile(int located, String path) {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(Path.of("/proc/self/fd/" + located), "unix:mode,dev");
        } catch (IOException | UnsupportedOperationException e) {
            throw new NamespaceException(Reason.OTHER, path, 0, "stat " + path + " failed: " + e, e);
        }
        int mode = (Integer) attrs.get("mode");
        long device = ((Number) attrs.get("dev")).longValue();
        long nsfs = NamespaceId.ofCurrentThread().device();
        if ((mode & S_IFMT) != S_IFREG || device != nsfs) {
            String what = (mode & S_IFMT) == S_IFREG ? "a regular file outside nsfs, the namespace file system"
                    : describe(mode);
            throw new NamespaceException(Reason.INVALID, path, 0,
                    path + " is not a namespace file: it is " + what + "; " + EXPECTED, null);
        }
    }

    private static void checkIsUts(int fd, String path) {
        int type;
        try {
            type = Syscalls.namespaceType(fd, path);
        } catch (NamespaceException e) {
            if (e.reason() != Reason.INVALID) {
                throw e;
            }
            throw new NamespaceException(Reason.INVALID, path, e.errno(), path
                    + " is not a namespace file (ioctl NS_GET_NSTYPE: " + Errno.name(e.errno()) + "); " + EXPECTED, e);
        }
        if (type != LinuxLibc.CLONE_NEWUTS) {
            throw new NamespaceException(Reason.INVALID, path, 0,
                    path + " is " + NamespaceTypes.describe(type) + ", not a UTS namespace; " + EXPECTED, null);
        }
    }

    /** @return what {@code st_mode} says the file is, for messages */
    static String describe(int mode) {
        switch (mode & S_IFMT) {
            case S_IFREG:
                return "a regular file";
            case 0040000:
                return "a directory";
            case 0020000:
                return "a character device";
            case 0060000:
                return "a block device";
            case 0010000:
                return "a FIFO (named pipe)";
            case 0140000:
                return "a socket";
            case 0120000:
                return "a symbolic link";
            default:
                return "a file of type 0" + Integer.toOctalString(mode & S_IFMT);
        }
    }
}
