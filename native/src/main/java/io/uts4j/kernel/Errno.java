package io.uts4j.kernel;

import io.uts4j.kernel.NamespaceException.Reason;

/** Turns an errno into a {@link NamespaceException} whose message says what to do about it. */
final class Errno {

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EBADF = 9;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int ENOTTY = 25;
    static final int ENOSPC = 28;

    private Errno() {
    }

    /**
     * @param errno     the errno the call failed with
     * @param operation what was attempted, e.g. {@code "setns(CLONE_NEWUTS)"}
     * @param path      the file or namespace concerned, or {@code null}
     */
    static NamespaceException toException(int errno, String operation, String path, Throwable cause) {
        Reason reason = reasonOf(errno);
        String where = path == null ? "" : " on " + path;
        String message = operation + where + " failed: " + name(errno) + hint(errno);
        return new NamespaceException(reason, path, errno, message, cause);
    }

    static Reason reasonOf(int errno) {
        switch (errno) {
            case EPERM:
            case EACCES:
                return Reason.PERMISSION;
            case EINVAL:
            case ENOTTY:
                return Reason.INVALID;
            case ENOSPC:
                return Reason.LIMIT;
            case EBADF:
                return Reason.BAD_FD;
            case ENOENT:
                return Reason.NOT_FOUND;
            default:
                return Reason.OTHER;
        }
    }

    static String name(int errno) {
        switch (errno) {
            case EPERM:
                return "EPERM (Operation not permitted)";
            case ENOENT:
                return "ENOENT (No such file or directory)";
            case EBADF:
                return "EBADF (Bad file descriptor)";
            case EACCES:
                return "EACCES (Permission denied)";
            case EINVAL:
                return "EINVAL (Invalid argument)";
            case ENOTTY:
                return "ENOTTY (Inappropriate ioctl for device)";
            case ENOSPC:
                return "ENOSPC (No space left on device)";
            case ENFILE:
                return "ENFILE (Too many open files in system)";
            case EMFILE:
                return "EMFILE (Too many open files)";
            default:
                return "errno " + errno;
        }
    }

    private static String hint(int errno) {
        switch (errno) {
            case EPERM:
                return "; this needs CAP_SYS_ADMIN in the user namespace that owns the UTS namespace"
                        + " and in the JVM's own user namespace; run as root or under `unshare -Uru`";
            case EACCES:
                return "; the JVM's user may not open this file (for /proc/<pid>/ns/* it must be allowed"
                        + " to ptrace the process)";
            case ENOSPC:
                return "; the limit in /proc/sys/user/max_uts_namespaces has been reached";
            case EBADF:
                return "; the namespace file descriptor is not open";
            case EMFILE:
                return "; each open UTS namespace holds one file descriptor: raise this process's limit (ulimit -n)";
            default:
                return "";
        }
    }
}
