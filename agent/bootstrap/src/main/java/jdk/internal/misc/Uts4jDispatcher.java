package jdk.internal.misc;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What code woven into JDK methods calls. Every method answers null for "no override: let the JDK
 * answer", checks the cheapest thing first (is any tenant configured, is this key overridden at
 * all) and the thread's binding last, and never throws: a failure here must not reach the
 * application, so it degrades to the JDK's own answer. The one exception is a process launch, whose
 * own {@code IOException} reaches the caller as the JDK's would.
 */
public final class Uts4jDispatcher {
    static volatile Uts4jTenants table = Uts4jTenants.EMPTY;
    static volatile Uts4jServices services;
    private static volatile Map<String, String> realEnvironment; // the JDK's, read on first need
    private static volatile boolean resolverFailureReported;

    static {
        Uts4jInstall.checkDefinedInJavaBase(Uts4jDispatcher.class);
    }

    private Uts4jDispatcher() {}

    /** For {@code InetAddress.getLocalHost()}. */
    public static InetAddress localHost() {
        try {
            Uts4jTenants tt = table;
            if (tt.isEmpty()) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            return a == null ? null : a.tenant.localHost();
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code InetAddress.getAllByName(host)}: the tenant's own names resolve as in its hosts file. */
    public static InetAddress[] addressesFor(String host) {
        try {
            Uts4jTenants tt = table;
            if (host == null || tt.isEmpty()) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            return a == null || !a.tenant.isOwnName(host) ? null : new InetAddress[] {a.tenant.addressNamed(host)};
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code InetAddress.getByName(host)}. */
    public static InetAddress addressFor(String host) {
        InetAddress[] all = addressesFor(host);
        return all == null ? null : all[0];
    }

    /**
     * For {@code InetAddress.getCanonicalHostName()}: an address that carries one of the tenant's own
     * names and its address is canonically {@code hostname.domainname}, with no DNS query.
     */
    public static String canonicalHostName(InetAddress self) {
        try {
            Uts4jTenants tt = table;
            if (tt.isEmpty()) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            if (a == null) return null;
            String s = self.toString(); // "name/literal", without the reverse lookup getHostName() may do
            int slash = s.indexOf('/');
            if (slash <= 0 || !a.tenant.isOwnName(s.substring(0, slash))) return null;
            return Arrays.equals(self.getAddress(), a.tenant.addressBytes()) ? a.tenant.fqdn() : null;
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getenv(name)}. */
    public static String getenv(String name) {
        try {
            Uts4jTenants tt = table;
            int i = tt.envKeys.indexOf(name);
            if (i < 0) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            return a == null ? null : a.env(i);
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getenv()}. */
    public static Map<String, String> environment() {
        try {
            Uts4jTenants tt = table;
            if (tt.isEmpty()) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            return a == null ? null : a.tenant.environment(realEnvironment());
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getProperty(key)} and {@code System.getProperty(key, default)}. */
    public static String getProperty(String key) {
        try {
            Uts4jTenants tt = table;
            int i = tt.propertyKeys.indexOf(key);
            if (i < 0) return null;
            Uts4jAnswers a = Uts4jBinding.current(tt);
            return a == null ? null : a.property(i);
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code Thread}'s constructors, on the creating thread, before it copies inheritable thread locals. */
    public static void beforeThreadCreation() {
        try {
            Uts4jTenants tt = table;
            if (tt.isEmpty()) return;
            Uts4jBinding b = Uts4jBinding.LOCAL.get();
            if (b == null && !tt.hasRules) return;
            // A creator bound only by a rule gets its binding in place now, so that its child inherits it.
            if (b == null) b = Uts4jBinding.ofCurrentThread();
            b.resolve(tt);
        } catch (Throwable e) {
            // the thread is created unbound, as without the agent
        }
    }

    /**
     * For {@code Thread.setName} and {@code Thread.setContextClassLoader}, before the change: a change
     * made by a tenant's code does not move the thread it is made to (see {@link Uts4jBinding}); a
     * change made by the host's does.
     */
    public static void threadChanging(Thread target) {
        changing(target, false);
    }

    /**
     * For {@code Thread.setContextClassLoader}, as {@link #threadChanging}; and the loader host code
     * sets on its own thread binds it by its loader rule, even the one a pool's worker was born with.
     */
    public static void loaderChanging(Thread target) {
        changing(target, true);
    }

    private static void changing(Thread target, boolean loader) {
        try {
            Uts4jTenants tt = table;
            if (!tt.hasRules) return;
            Object byTenant = Uts4jBridge.tenantChangingThread(tt);
            if (byTenant != null) {
                Uts4jBinding.FROZEN.put(target, byTenant);
            } else {
                Uts4jBinding.FROZEN.remove(target);
                if (loader && target == Thread.currentThread()) Uts4jBinding.loaderSetByHost();
            }
        } catch (Throwable e) {
            // the change takes effect as without the agent
        }
    }

    /**
     * For {@code ProcessBuilder.start()}: null to let the JDK start the process on the calling thread
     * (unbound, or already a namespace thread), else the started {@link Process}. An
     * {@link IOException} is the launch's own failure, thrown to the caller as the JDK would.
     */
    public static Process startProcess(ProcessBuilder pb) throws IOException {
        Uts4jTenant t = launchingTenant();
        if (t == null) return null;
        try {
            return services.startProcess(t, pb);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw launchFailure(t, e);
        }
    }

    /** For {@code ProcessBuilder.startPipeline(builders)}, as {@link #startProcess}. */
    public static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        Uts4jTenant t = launchingTenant();
        if (t == null) return null;
        try {
            return services.startPipeline(t, builders);
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw launchFailure(t, e);
        }
    }

    private static Uts4jTenant launchingTenant() {
        try {
            if (Thread.currentThread() instanceof Uts4jNamespaceThread || services == null) return null;
            Uts4jTenants tt = table;
            if (tt.isEmpty()) return null;
            return Uts4jBinding.currentTenant(tt);
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * uts4j could not launch inside the tenant's namespace. Failing closed, as an IOException the
     * caller already handles, beats starting the process in the host's namespace.
     */
    private static IOException launchFailure(Uts4jTenant t, Throwable e) {
        return new IOException(new StringBuilder("uts4j: cannot start the process inside tenant '").append(t.id())
                .append("''s namespace: ").append(e).toString(), e);
    }

    /**
     * For {@code Thread.start()}: true when the thread was started from the host instead, because
     * the caller is a namespace thread (see {@link Uts4jHostStarter}).
     */
    public static boolean startThread(Thread thread) {
        return startThread(thread, null);
    }

    /** For JDK 21+'s {@code Thread.start(ThreadContainer)}, which executors call, as {@link #startThread(Thread)}. */
    public static boolean startThread(Thread thread, Object container) {
        try {
            rememberStartedByTenant(thread);
            return Thread.currentThread() instanceof Uts4jNamespaceThread && Uts4jHostStarter.start(thread, container);
        } catch (Throwable e) {
            return false;
        }
    }

    /** For JDK 21+'s {@code VirtualThread.start(ThreadContainer)}, which calls neither of Thread's. */
    public static void startVirtualThread(Thread thread) {
        try {
            rememberStartedByTenant(thread);
        } catch (Throwable e) {
            // started as without the agent
        }
    }

    /**
     * A thread a tenant's code starts is never host code, whether it inherits the tenant or not (a
     * pool worker, or a thread told not to inherit), nor are the threads it starts in turn: it can
     * never be issued the host's capability; and the name and context class loader it starts with
     * were the tenant's choice, so they bind it to that tenant only until host code changes them.
     */
    private static void rememberStartedByTenant(Thread thread) {
        Uts4jTenants tt = table;
        if (tt.isEmpty()) return;
        Object tenant = Uts4jBridge.tenantOfCallingCode(tt);
        if (tenant != null) {
            Uts4jBridge.BORN_OF_TENANT.put(thread, tenant);
            Uts4jBinding.FROZEN.put(thread, tenant); // the name and loader it starts with are the tenant's choice
        }
    }

    /**
     * The JVM's real environment, as the JDK gives it to the host: read once, on first need (not at
     * start-up: most applications never ask), in a frame of the host so that the woven
     * {@code System.getenv()} answers as the JDK.
     */
    static Map<String, String> realEnvironment() {
        Map<String, String> m = realEnvironment;
        if (m == null) {
            Uts4jBinding.Frame host = Uts4jBinding.open(null);
            try {
                realEnvironment = m = System.getenv();
            } finally {
                host.close();
            }
        }
        return m;
    }

    static void resolverFailed(Object resolver, Throwable e) {
        if (resolverFailureReported) return;
        resolverFailureReported = true;
        System.err.println(new StringBuilder("uts4j: tenant resolver ").append(resolver).append(" failed (")
                .append(e).append("); its threads fall back to the configured rules (reported once)").toString());
    }

    static void refused() {
        Uts4jBridge.REFUSED.incrementAndGet();
    }
}
