package io.uts4j.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates many UTS namespaces at once. A thread may unshare(CLONE_NEWUTS) again and again: each
 * time it moves into a new namespace, a copy of the one it leaves, which an fd then keeps alive.
 * So a few short-lived threads make thousands, instead of one thread per namespace.
 */
final class NamespaceBatch {

    /** Below this many namespaces per thread, another thread costs more than it saves. */
    static final int PER_THREAD_AT_LEAST = 1000;
    private static final int MAX_THREADS = 4;
    /** This thread's namespace directory; opening {@code uts} in it names the namespace the thread is in then. */
    private static final String OWN_NS_DIR = "/proc/thread-self/ns";

    /** One namespace made: the fd that holds it, and its identity. */
    record Made(int fd, NamespaceId id) {
    }

    private NamespaceBatch() {
    }

    /**
     * All or nothing: on any failure every namespace made so far is released and the failure thrown.
     *
     * @param hostnames   the checked host name of each namespace
     * @param domainnames the checked domain name of each, or null for the caller's own
     * @return what was made, in the order of the names
     */
    static List<Made> create(List<byte[]> hostnames, List<byte[]> domainnames) {
        int n = hostnames.size();
        int threads = Math.max(1, Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()),
                n / PER_THREAD_AT_LEAST));
        AtomicBoolean abort = new AtomicBoolean();
        List<Callable<List<Made>>> jobs = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads);
            int to = (int) ((long) n * (t + 1) / threads);
            jobs.add(() -> createOnThisThread(hostnames, domainnames, from, to, abort));
        }
        List<List<Made>> parts = ShortLivedThread.callAll("uts4j-create", jobs, () -> abort.set(true),
                NamespaceBatch::release);
        List<Made> all = new ArrayList<>(n);
        parts.forEach(all::addAll);
        return all;
    }

    /**
     * Makes namespaces {@code from} (inclusive) to {@code to} on the calling thread, which ends in
     * the last of them. Stops early, returning what it made, once {@code abort} is set.
     */
    private static List<Made> createOnThisThread(List<byte[]> hostnames, List<byte[]> domainnames, int from, int to,
                                                 AtomicBoolean abort) {
        // A fresh thread is in its creator's namespace: "none asked for" means this domain name.
        byte[] creatorsDomain = Syscalls.domainnameBytes();
        byte[] domain = creatorsDomain;
        long nsfsDevice = NamespaceId.ofCurrentThread().device();
        // Opened once: each namespace then costs one short openat instead of a walk from /proc.
        int nsDir = Syscalls.openPathOnly(OWN_NS_DIR);
        List<Made> made = new ArrayList<>(to - from);
        try {
            for (int i = from; i < to && !abort.get(); i++) {
                Syscalls.unshareUts(); // a copy of the previous one, names included
                Syscalls.sethostname(hostnames.get(i));
                byte[] wanted = domainnames.get(i) != null ? domainnames.get(i) : creatorsDomain;
                if (!Arrays.equals(wanted, domain)) {
                    Syscalls.setdomainname(wanted);
                    domain = wanted;
                }
                made.add(hold(nsDir, nsfsDevice));
            }
            return made;
        } catch (RuntimeException | Error e) {
            releaseQuietly(made, e);
            throw e;
        } finally {
            try {
                Syscalls.close(nsDir);
            } catch (RuntimeException e) {
                // Nothing depends on this path-only descriptor; the namespaces made do not hang on it.
            }
        }
    }

    /** @return an fd on the calling thread's namespace, which keeps it alive once the thread has moved on */
    private static Made hold(int nsDir, long nsfsDevice) {
        int fd = Syscalls.openReadOnlyAt(nsDir, OWN_NS_DIR, "uts");
        try {
            return new Made(fd, NamespaceId.ofFd(fd, nsfsDevice));
        } catch (RuntimeException | Error e) {
            Syscalls.closeQuietly(fd, e);
            throw e;
        }
    }

    private static void release(List<Made> made) {
        RuntimeException first = null;
        for (Made m : made) {
            try {
                Syscalls.close(m.fd());
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void releaseQuietly(List<Made> made, Throwable primary) {
        for (Made m : made) {
            Syscalls.closeQuietly(m.fd(), primary);
        }
    }
}
