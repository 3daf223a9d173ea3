package io.uts4j.kernel;

import java.util.Optional;

/**
 * A namespace operation the kernel (or the platform) refused. The message names the operation,
 * the file or namespace it was applied to, the errno and what to do about it.
 */
public class NamespaceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed, grouped the way a caller would react to it. */
    public enum Reason {
        /** EPERM/EACCES: the process lacks CAP_SYS_ADMIN over the namespace, or may not open the file. */
        PERMISSION,
        /** EINVAL/ENOTTY: a bad argument, or a file that is not a UTS namespace. */
        INVALID,
        /** ENOSPC: {@code /proc/sys/user/max_uts_namespaces} reached. */
        LIMIT,
        /** EBADF: the file descriptor is not open. */
        BAD_FD,
        /** ENOENT: no such file. */
        NOT_FOUND,
        /** Not Linux, or the native library could not be loaded. */
        UNSUPPORTED,
        /** Any other errno. */
        OTHER
    }

    private final Reason reason;
    private final String path;
    private final int errno;

    /**
     * @param reason  the category of failure
     * @param path    the file or namespace concerned, or {@code null}
     * @param errno   the errno reported, or 0 when the failure did not come from the kernel
     * @param message the full human-readable message, naming the operation
     * @param cause   the underlying cause, or {@code null}
     */
    NamespaceException(Reason reason, String path, int errno, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.path = path;
        this.errno = errno;
    }

    /** @return the category of failure */
    public Reason reason() {
        return reason;
    }

    /** @return the file or namespace the operation was applied to, if there was one */
    Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** @return the errno the kernel reported, or 0 if the failure was detected before any system call */
    int errno() {
        return errno;
    }
}
