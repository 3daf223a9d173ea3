package io.uts4j.bootstrap;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What advice inlined into JDK methods calls. Every method answers null for "no override: let the
 * JDK answer", checks the cheapest thing first (is any tenant configured, is this key overridden at
 * all) and the thread's binding last, and never throws: a failure here must not reach the
 * application, so it degrades to the JDK's own answer.
 */
public final class Dispatcher {
    static volatile TenantTable table = TenantTable.EMPTY;
    private static volatile Map<String, String> realEnvironment = Map.of();
    private static volatile TenantAdmin admin;

    private Dispatcher() {}

    /** Installs a tenant table. {@code environment} is the JVM's real environment, captured unadvised. */
    public static void install(TenantTable tenants, Map<String, String> environment) {
        realEnvironment = Map.copyOf(environment);
        table = tenants;
    }

    /** Replaces the tenants while the JVM runs; threads re-resolve on their next call. */
    public static void replace(TenantTable tenants) {
        table = tenants;
    }

    public static void setAdmin(TenantAdmin a) { admin = a; }

    /** The agent's tenant administration, or null when the agent is not attached. */
    public static TenantAdmin admin() { return admin; }

    public static TenantTable table() { return table; }

    /** The calling thread's tenant, or null for the host. */
    public static Tenant currentTenant() {
        TenantTable t = table;
        return t.isEmpty() ? null : ThreadBinding.current(t);
    }

    /** For {@code Thread}'s constructors, on the creating thread. */
    public static void beforeThreadCreation() {
        try {
            TenantTable t = table;
            if (t.hasRules()) ThreadBinding.current(t);
        } catch (Throwable e) {
            // the thread is created unbound, as without the agent
        }
    }

    /**
     * For {@code ProcessBuilder.start()}: null to let the JDK start the process on the calling
     * thread (unbound, or already a namespace thread), else the started {@link Process}, or the
     * {@link IOException} that starting it threw, to be thrown to the caller as the JDK would.
     */
    public static Object startProcess(ProcessBuilder pb) {
        try {
            Tenant t = launchingTenant();
            return t == null ? null : ProcessLaunch.start(t, pb, realEnvironment);
        } catch (IOException e) {
            return e;
        } catch (Throwable e) {
            return launchFailure(e);
        }
    }

    /** For {@code ProcessBuilder.startPipeline(builders)}, as {@link #startProcess}. */
    public static Object startPipeline(List<ProcessBuilder> builders) {
        try {
            Tenant t = launchingTenant();
            return t == null ? null : ProcessLaunch.startPipeline(t, builders, realEnvironment);
        } catch (IOException e) {
            return e;
        } catch (Throwable e) {
            return launchFailure(e);
        }
    }

    private static Tenant launchingTenant() {
        if (Thread.currentThread() instanceof NamespaceThread) return null; // already inside
        return currentTenant();
    }

    /**
     * uts4j could not launch inside the tenant's namespace. Failing closed, as an IOException the
     * caller already handles, beats starting the process in the host's namespace.
     */
    private static IOException launchFailure(Throwable e) {
        return new IOException("uts4j: cannot start the process inside tenant "
                + Objects.toString(currentTenant(), "?") + "'s namespace: " + e, e);
    }

    /**
     * For {@code Thread.start()}: true when the thread was started from the host instead, because
     * the caller is a namespace thread (see {@link HostThreadStarter}).
     */
    public static boolean startThread(Thread thread) {
        return startThread(thread, null);
    }

    /** For JDK 21+'s {@code Thread.start(ThreadContainer)}, which executors call, as {@link #startThread(Thread)}. */
    public static boolean startThread(Thread thread, Object container) {
        try {
            return Thread.currentThread() instanceof NamespaceThread && HostThreadStarter.start(thread, container);
        } catch (Throwable e) {
            return false;
        }
    }

    /** For {@code InetAddress.getLocalHost()}. */
    public static InetAddress localHost() {
        try {
            Tenant t = currentTenant();
            return t == null ? null : t.localHost();
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code InetAddress.getAllByName(host)}: the tenant's own names resolve as in its hosts file. */
    public static InetAddress[] addressesFor(String host) {
        try {
            if (host == null) return null;
            Tenant t = currentTenant();
            return t == null || !t.isOwnName(host) ? null : new InetAddress[] {t.addressNamed(host)};
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
            Tenant t = currentTenant();
            if (t == null) return null;
            String s = self.toString(); // "name/literal", without the reverse lookup getHostName() may do
            int slash = s.indexOf('/');
            if (slash <= 0 || !t.isOwnName(s.substring(0, slash))) return null;
            return Arrays.equals(self.getAddress(), t.addressBytes()) ? t.fqdn() : null;
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getenv(name)}. */
    public static String getenv(String name) {
        try {
            TenantTable tt = table;
            if (name == null || !tt.overridesEnv(name)) return null;
            Tenant t = ThreadBinding.current(tt);
            return t == null ? null : t.envOverrides().get(name);
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getenv()}. */
    public static Map<String, String> environment() {
        try {
            Tenant t = currentTenant();
            return t == null ? null : t.environment(realEnvironment);
        } catch (Throwable e) {
            return null;
        }
    }

    /** For {@code System.getProperty(key)} and {@code System.getProperty(key, default)}. */
    public static String getProperty(String key) {
        try {
            TenantTable tt = table;
            if (key == null || !tt.overridesProperty(key)) return null;
            Tenant t = ThreadBinding.current(tt);
            return t == null ? null : t.propertyOverrides().get(key);
        } catch (Throwable e) {
            return null;
        }
    }
}
