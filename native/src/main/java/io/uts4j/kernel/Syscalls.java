package io.uts4j.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import io.uts4j.kernel.NamespaceException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed wrappers over {@link LinuxLibc}: each turns errno into a {@link NamespaceException} that
 * names the operation and the file. No JNA type leaves this class.
 */
final class Syscalls {

    private Syscalls() {
    }

    /** Loads libc once; a failure is kept so that every later use reports the same reason. */
    private static final class Loaded {
        static final LinuxLibc LIBC;
        static final Throwable FAILURE;

        static {
            LinuxLibc libc = null;
            Throwable failure = null;
            try {
                String os = System.getProperty("os.name", "");
                if (!os.startsWith("Linux")) {
                    throw new UnsupportedOperationException("UTS namespaces exist only on Linux, not on " + os);
                }
                register();
                libc = new LinuxLibc();
            } catch (Throwable t) { // LinkageError when JNA or its native part is missing, and anything else
                failure = t;
            }
            LIBC = libc;
            FAILURE = failure;
        }
    }

    /** Set while {@link #loadAlone()} loads the binding: no other code of this JVM loads JNA meanwhile. */
    private static volatile boolean alone;

    /** Loads the binding now, as the only code of this JVM that may load JNA meanwhile; see {@link KernelSupport#loadAlone()}. */
    static void loadAlone() {
        alone = true;
        try {
            unavailableReason();
        } finally {
            alone = false;
        }
    }

    /**
     * Registers libc with JNA, sparing a cold start what JNA does by default and uts4j does not need.
     * JNA's {@code NativeLibrary}, initialising on Linux, runs {@code /sbin/ldconfig -p} (a child
     * process: some 25 ms) to learn the system's library folders unless the system property
     * {@value #JNA_PATH} names them, and then sets that property for the whole JVM; libc needs no
     * folder (JNA binds {@code "c"} to the running process's own libc). And where no other code can
     * be loading JNA at the same moment, JNA's library is unpacked by {@link JnaDispatchLibrary}. The
     * properties that say so are set only for that moment, and only those the application has not set.
     */
    private static void register() {
        Path unpacked = alone ? JnaDispatchLibrary.unpack() : null;
        Map<String, String> window = new LinkedHashMap<>();
        window.put(JNA_PATH, STANDARD_LIBRARY_FOLDERS);
        if (unpacked != null) {
            window.put("jna.boot.library.path", unpacked.getParent().toString());
            window.put("jna.nounpack", "true"); // nor scan the temporary folder for JNA's old files
        }
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, String> e : window.entrySet()) {
            if (System.getProperty(e.getKey()) == null) {
                System.setProperty(e.getKey(), e.getValue());
                set.add(e.getKey());
            }
        }
        try {
            Native.register(LinuxLibc.class, "c");
        } finally {
            for (String key : set) {
                if (window.get(key).equals(System.getProperty(key))) System.clearProperty(key);
            }
            if (unpacked != null) JnaDispatchLibrary.delete(unpacked);
        }
    }

    private static final String JNA_PATH = "jna.platform.library.path";
    private static final String STANDARD_LIBRARY_FOLDERS = "/usr/lib:/lib";

    /** @return why the native binding cannot be used here, or {@code null} if it can; never throws */
    static String unavailableReason() {
        try {
            Throwable failure = Loaded.FAILURE;
            return failure == null ? null : String.valueOf(failure);
        } catch (Throwable t) { // even the holder's class could fail to link
            return String.valueOf(t);
        }
    }

    private static LinuxLibc libc() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new NamespaceException(Reason.UNSUPPORTED, null, 0,
                    "UTS namespaces are not available here: " + reason, Loaded.FAILURE);
        }
        return Loaded.LIBC;
    }

    /** Moves the calling thread into a new UTS namespace, a copy of its current one. */
    static void unshareUts() {
        LinuxLibc libc = libc();
        try {
            libc.unshare(LinuxLibc.CLONE_NEWUTS);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "unshare(CLONE_NEWUTS)", null, e);
        }
    }

    /** Moves the calling thread into the UTS namespace open on {@code fd}, described by {@code what}. */
    static void setnsUts(int fd, String what) {
        LinuxLibc libc = libc();
        try {
            libc.setns(fd, LinuxLibc.CLONE_NEWUTS);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "setns(fd " + fd + ", CLONE_NEWUTS)", what, e);
        }
    }

    /** Sets the host name of the calling thread's UTS namespace; {@code name} is not checked here. */
    static void sethostname(byte[] name) {
        LinuxLibc libc = libc();
        try {
            libc.sethostname(name, name.length);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "sethostname(" + printable(name) + ")", null, e);
        }
    }

    /** Sets the domain name of the calling thread's UTS namespace; {@code name} is not checked here. */
    static void setdomainname(byte[] name) {
        LinuxLibc libc = libc();
        try {
            libc.setdomainname(name, name.length);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "setdomainname(" + printable(name) + ")", null, e);
        }
    }

    /** @return the host name as the calling thread's UTS namespace has it */
    static String gethostname() {
        byte[] buf = new byte[65];
        try {
            libc().gethostname(buf, buf.length);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "gethostname", null, e);
        }
        return cString(buf);
    }

    /** @return all six names as the calling thread's UTS namespace has them */
    static UtsNames uname() {
        byte[] u = rawUname();
        return new UtsNames(unameField(u, NODENAME), unameField(u, DOMAINNAME), unameField(u, SYSNAME),
                unameField(u, RELEASE), unameField(u, VERSION), unameField(u, MACHINE));
    }

    /** @return the domain name of the calling thread's UTS namespace, byte for byte as the kernel keeps it */
    static byte[] domainnameBytes() {
        byte[] u = rawUname();
        int at = DOMAINNAME * LinuxLibc.UTS_FIELD;
        return Arrays.copyOfRange(u, at, at + cLength(u, at, LinuxLibc.UTS_FIELD));
    }

    /** The fields of {@code struct utsname}, in its order. */
    private static final int SYSNAME = 0, NODENAME = 1, RELEASE = 2, VERSION = 3, MACHINE = 4, DOMAINNAME = 5;

    /** Field {@code index} of {@code struct utsname} as a string. */
    private static String unameField(byte[] u, int index) {
        int at = index * LinuxLibc.UTS_FIELD;
        return new String(u, at, cLength(u, at, LinuxLibc.UTS_FIELD), StandardCharsets.UTF_8);
    }

    private static byte[] rawUname() {
        byte[] u = new byte[6 * LinuxLibc.UTS_FIELD];
        try {
            libc().uname(u);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "uname", null, e);
        }
        return u;
    }

    /**
     * Opens {@code path} read-only, close-on-exec so that no child process inherits it, and
     * non-blocking so that a FIFO cannot hold the caller.
     */
    static int openReadOnly(String path) {
        return open(path, LinuxLibc.O_RDONLY | LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC);
    }

    /** Resolves {@code path} to a descriptor that only names the file ({@code O_PATH}): nothing is opened. */
    static int openPathOnly(String path) {
        return open(path, LinuxLibc.O_PATH | LinuxLibc.O_CLOEXEC);
    }

    /** Opens {@code name} in the directory open on {@code dirFd} ({@code what}, for messages) like {@link #openReadOnly}. */
    static int openReadOnlyAt(int dirFd, String what, String name) {
        try {
            return libc().openat(dirFd, name, LinuxLibc.O_RDONLY | LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "openat", what + "/" + name, e);
        }
    }

    /** @return where the symbolic link {@code path} points (its first 256 bytes: plenty for the links read here) */
    static String readlink(String path) {
        byte[] buf = new byte[256];
        long len;
        try {
            len = libc().readlink(path, buf, buf.length);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "readlink", path, e);
        }
        return new String(buf, 0, (int) len, StandardCharsets.UTF_8);
    }

    /** Opens, read-only, the file an {@link #openPathOnly} descriptor names; errors name {@code path}. */
    static int reopenReadOnly(int pathFd, String path) {
        return open("/proc/self/fd/" + pathFd, LinuxLibc.O_RDONLY | LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC, path);
    }

    private static int open(String path, int flags) {
        return open(path, flags, path);
    }

    private static int open(String path, int flags, String shownAs) {
        LinuxLibc libc = libc();
        try {
            return libc.open(path, flags);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "open", shownAs, e);
        }
    }

    /** @return the CLONE_NEW* type of the namespace open on {@code fd}; ENOTTY/EINVAL if it is no namespace */
    static int namespaceType(int fd, String path) {
        LinuxLibc libc = libc();
        try {
            return libc.ioctl(fd, LinuxLibc.NS_GET_NSTYPE);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "ioctl(NS_GET_NSTYPE)", path, e);
        }
    }

    static void close(int fd) {
        LinuxLibc libc = libc();
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            throw Errno.toException(e.getErrorCode(), "close(fd " + fd + ")", null, e);
        }
    }

    /** Closes {@code fd} on an error path, where a second failure must not hide the first. */
    static void closeQuietly(int fd, Throwable primary) {
        try {
            close(fd);
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** Decodes a NUL-terminated buffer the kernel filled. */
    static String cString(byte[] buf) {
        return new String(buf, 0, cLength(buf), StandardCharsets.UTF_8);
    }

    private static int cLength(byte[] buf) {
        return cLength(buf, 0, buf.length);
    }

    /** The length of the NUL-terminated string at {@code from}, at most {@code max} bytes. */
    private static int cLength(byte[] buf, int from, int max) {
        int len = 0;
        while (len < max && buf[from + len] != 0) {
            len++;
        }
        return len;
    }

    private static String printable(byte[] name) {
        String s = new String(name, StandardCharsets.UTF_8);
        return '"' + (s.length() > 20 ? s.substring(0, 20) + "…\" (" + name.length + " bytes)" : s + '"');
    }
}
