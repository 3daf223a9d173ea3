package io.uts4j.kernel;

import com.sun.jna.LastErrorException;

/**
 * The few libc functions uts4j needs. Every function is declared {@code throws LastErrorException}
 * so that JNA captures {@code errno} right after the call, before anything else can change it.
 * Only {@link Syscalls} talks to this class; nothing outside the package sees a JNA type.
 *
 * <p>JNA's direct mapping ({@code Native.register} on native methods) rather than an interface
 * proxy: measured here, a call costs a few microseconds less, and about ten times less while JNA's
 * reflective proxy path is not yet compiled — which matters when thousands of namespaces are made
 * at start-up ({@link NamespaceBatch}).
 */
final class LinuxLibc {

    /** {@code unshare(2)} flag: "Unshare the UTS IPC namespace" — create a new UTS namespace. */
    static final int CLONE_NEWUTS = 0x04000000;
    /** {@code ioctl_ns(2)}: "NS_GET_NSTYPE ... returns the type of the namespace" as a CLONE_NEW* value. */
    static final int NS_GET_NSTYPE = 0xb703;
    static final int O_RDONLY = 0;
    /** Octal 04000 on x86_64 and aarch64: open a FIFO without waiting for a writer. */
    static final int O_NONBLOCK = 04000;
    /** Octal 02000000: no child process inherits the descriptor. */
    static final int O_CLOEXEC = 02000000;
    /**
     * Octal 010000000 on x86_64 and aarch64: "obtain a file descriptor that ... indicate[s] a location
     * in the filesystem tree" without opening the file itself — no device open routine runs, a FIFO
     * does not block.
     */
    static final int O_PATH = 010000000;

    /** "disassociate parts of the process execution context" — for a UTS namespace, only the caller's thread moves. */
    native int unshare(int flags) throws LastErrorException;

    /** "reassociate thread with a namespace": moves the calling thread into the namespace referred to by fd. */
    native int setns(int fd, int nstype) throws LastErrorException;

    /** "set hostname": sets the host name of the caller's UTS namespace to the len bytes of name. */
    native int sethostname(byte[] name, long len) throws LastErrorException;

    /** "set NIS domain name" of the caller's UTS namespace to the len bytes of name. */
    native int setdomainname(byte[] name, long len) throws LastErrorException;

    /** "get hostname": returns the null-terminated host name in name, which has length len bytes. */
    native int gethostname(byte[] name, long len) throws LastErrorException;

    /**
     * "get name and information about current kernel", as seen from the caller's UTS namespace,
     * into {@code struct utsname}: six NUL-terminated fields of {@link #UTS_FIELD} bytes each, in the
     * order sysname, nodename, release, version, machine, domainname. A plain byte array rather than
     * a JNA {@code Structure}: describing one costs JNA reflection and annotation proxies, some 10 ms
     * of a cold start.
     */
    native int uname(byte[] buf) throws LastErrorException;

    /** The length of each field of Linux's {@code struct utsname} (its {@code _UTSNAME_LENGTH}). */
    static final int UTS_FIELD = 65;

    /** "open and possibly create a file"; returns a file descriptor. */
    native int open(String pathname, int flags) throws LastErrorException;

    /** open(), with a relative pathname "interpreted relative to the directory referred to by ... dirfd". */
    native int openat(int dirfd, String pathname, int flags) throws LastErrorException;

    /** "read value of a symbolic link" into buf, without a terminating NUL; returns the number of bytes. */
    native long readlink(String pathname, byte[] buf, long bufsiz) throws LastErrorException;

    /** "close a file descriptor". */
    native int close(int fd) throws LastErrorException;

    /** "control device"; with a namespace fd and NS_GET_NSTYPE, returns the namespace's type. */
    native int ioctl(int fd, long request) throws LastErrorException;
}
