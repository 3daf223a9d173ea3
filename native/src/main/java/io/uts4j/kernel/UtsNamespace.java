package io.uts4j.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A handle on one Linux UTS namespace — its own host name and domain name — held open by a file
 * descriptor, so the namespace lives as long as the handle, whether or not any thread is in it.
 *
 * <p>Creating a handle never moves the calling thread: the namespace is made, read and changed on
 * short-lived platform threads that enter it and end. To run code inside it, use a
 * {@link NamespaceExecutor}. Handles are thread-safe. Once {@link #close() closed}, every method
 * that needs the kernel throws {@link IllegalStateException}; {@link #inode()} keeps answering,
 * since identity is read once when the handle is made.
 */
public final class UtsNamespace implements AutoCloseable {

    private static final String CURRENT_THREAD_NS = NamespaceId.CURRENT_THREAD.toString();

    private final SharedFd fd;
    private final NamespaceId id;

    private UtsNamespace(int fd, NamespaceId id) {
        this.fd = new SharedFd(fd, id.toString());
        this.id = id;
    }

    /**
     * Whether this JVM can use UTS namespaces at all: Linux, with JNA and libc loadable. Cheap and
     * never throws; it does not check privileges — {@link KernelSupport#probe()} does.
     */
    public static boolean isSupported() {
        try {
            return Syscalls.unavailableReason() == null && Files.exists(NamespaceId.CURRENT_THREAD);
        } catch (Throwable t) { // this method promises not to throw, whatever is missing
            return false;
        }
    }

    /**
     * Creates a new UTS namespace, a copy of the calling thread's, with the given names.
     *
     * @param hostname   the new host name: 1 to 64 bytes in UTF-8
     * @param domainname the new domain name (1 to 64 bytes), or {@code null} to keep the copied one
     * @throws NamespaceException if a name is invalid (before any system call) or the kernel refuses,
     *                            e.g. with reason PERMISSION without CAP_SYS_ADMIN
     */
    public static UtsNamespace create(String hostname, String domainname) {
        return createAll(List.of(new InitialNames(hostname, domainname))).get(0);
    }

    /**
     * Creates one new UTS namespace for each entry of {@code names}, as {@link #create} would, but
     * many times faster: a few short-lived threads make them all. All or nothing: every name is
     * checked before any system call, and on any failure the namespaces made so far are closed
     * before the failure is thrown. Each namespace holds one file descriptor until closed.
     *
     * @return the namespaces, in the order of {@code names}
     * @throws NamespaceException with reason INVALID naming the entry if a name is invalid; LIMIT
     *                            when {@code /proc/sys/user/max_uts_namespaces} is reached; OTHER with
     *                            EMFILE when the process may open no more files; as {@link #create}
     */
    public static List<UtsNamespace> createAll(List<InitialNames> names) {
        List<byte[]> hostnames = new ArrayList<>(names.size());
        List<byte[]> domainnames = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            InitialNames n = Objects.requireNonNull(names.get(i), "names");
            try {
                hostnames.add(NameRules.encode("hostname", n.hostname()));
                domainnames.add(n.domainname() == null ? null : NameRules.encode("domainname", n.domainname()));
            } catch (NamespaceException e) {
                if (names.size() == 1) {
                    throw e;
                }
                throw new NamespaceException(e.reason(), null, 0, "names[" + i + "]: " + e.getMessage(), e);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        List<UtsNamespace> created = new ArrayList<>(names.size());
        for (NamespaceBatch.Made made : NamespaceBatch.create(hostnames, domainnames)) {
            created.add(new UtsNamespace(made.fd(), made.id()));
        }
        return Collections.unmodifiableList(created);
    }

    /**
     * Opens an existing UTS namespace: {@code /proc/<pid>/ns/uts}, {@code /proc/<pid>/task/<tid>/ns/uts},
     * or a file a namespace was bind-mounted on (e.g. by {@code unshare --uts=FILE}), directly or
     * through symbolic links. Nothing else is ever opened: a FIFO, a device or a directory is
     * rejected without blocking and without side effects.
     *
     * @throws NamespaceException with reason INVALID if the file is not a namespace file or is a
     *                            namespace of another type; NOT_FOUND or PERMISSION if it cannot be opened
     */
    public static UtsNamespace adopt(Path path) {
        return wrap(NamespaceFile.openUts(path));
    }

    /** Opens the calling thread's own UTS namespace, e.g. to keep a handle on the host's. */
    public static UtsNamespace ofCurrentThread() {
        return wrap(Syscalls.openReadOnly(CURRENT_THREAD_NS));
    }

    /** @return the inode of the calling thread's UTS namespace, comparable with {@link #inode()} */
    static long currentThreadInode() {
        return NamespaceId.ofCurrentThread().inode();
    }

    /** @return the names as the calling thread's own UTS namespace has them (one uname call) */
    public static UtsNames currentThreadNames() {
        return Syscalls.uname();
    }

    /** Takes over {@code fd}: closes it if the handle cannot be made. */
    private static UtsNamespace wrap(int fd) {
        try {
            return new UtsNamespace(fd, NamespaceId.ofFd(fd));
        } catch (RuntimeException | Error e) {
            Syscalls.closeQuietly(fd, e);
            throw e;
        }
    }

    /** @return the inode of this namespace's nsfs file: the number in {@code uts:[...]} */
    public long inode() {
        return id.inode();
    }

    /** @return the device of this namespace's nsfs file; with the inode, the namespace's identity */
    long device() {
        return id.device();
    }

    /** @return whether both handles refer to the same namespace */
    public boolean sameAs(UtsNamespace other) {
        return id.equals(other.id);
    }

    /** @return the names as seen from inside this namespace */
    public UtsNames names() {
        return inside("names", Syscalls::uname);
    }

    /**
     * Changes the host name inside this namespace; every thread and process in it sees the change.
     *
     * @throws NamespaceException with reason INVALID for an empty or over-64-byte name
     */
    void setHostname(String hostname) {
        byte[] name = NameRules.encode("hostname", hostname);
        inside("sethostname", () -> {
            Syscalls.sethostname(name);
            return null;
        });
    }

    /** Changes the domain name inside this namespace, like {@link #setHostname}. */
    void setDomainname(String domainname) {
        byte[] name = NameRules.encode("domainname", domainname);
        inside("setdomainname", () -> {
            Syscalls.setdomainname(name);
            return null;
        });
    }

    /**
     * Moves the calling thread into this namespace for the rest of its life. Only for platform
     * threads the caller owns and dedicates to this namespace, as {@link NamespaceExecutor} does.
     */
    void join() {
        int descriptor = fd.acquire();
        try {
            Syscalls.setnsUts(descriptor, id.toString());
        } finally {
            fd.release();
        }
    }

    /** Runs {@code job} in this namespace: right here if the caller is already in it, else on a short-lived thread. */
    private <T> T inside(String what, Supplier<T> job) {
        int descriptor = fd.acquire();
        try {
            if (NamespaceId.ofCurrentThread().equals(id)) {
                return job.get();
            }
            return ShortLivedThread.call("uts4j-" + what + "-" + id.inode(), () -> {
                Syscalls.setnsUts(descriptor, id.toString());
                return job.get();
            });
        } finally {
            fd.release();
        }
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        return fd.isClosed();
    }

    /**
     * Closes the descriptor. The namespace itself lives on while any thread or process is in it or
     * another descriptor or bind mount refers to it. Idempotent.
     */
    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "UtsNamespace[" + id + (isClosed() ? ", closed]" : "]");
    }
}
