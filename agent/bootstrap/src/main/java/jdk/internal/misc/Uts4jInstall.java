package jdk.internal.misc;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * How the rest of the agent (its isolated part, the only code outside {@code java.base} that this
 * package is exported to) installs and replaces the tenants, and reaches what it needs of the
 * bootstrap. Nothing of this package is visible to applications.
 */
public final class Uts4jInstall {
    private static volatile boolean started;

    static {
        checkDefinedInJavaBase(Uts4jInstall.class);
    }

    private Uts4jInstall() {}

    /** The bootstrap must be the one copy, in java.base: anywhere else it would protect nothing. */
    static void checkDefinedInJavaBase(Class<?> c) {
        if (c.getClassLoader() != null || c.getModule() != Object.class.getModule()) {
            throw new IllegalStateException(new StringBuilder("uts4j: ").append(c.getName())
                    .append(" was loaded by ").append(c.getClassLoader()).append(" in ").append(c.getModule())
                    .append("; it is part of uts4j's bootstrap, which only the agent may define, in java.base")
                    .toString());
        }
    }

    /**
     * Installs the tenants and the agent's services, once.
     *
     * @param propagate whether work handed to other threads carries the submitter's identity
     */
    public static synchronized void install(Uts4jTenants tenants, Uts4jServices services, boolean propagate) {
        Uts4jDispatcher.services = services;
        Uts4jTasks.enabled = propagate;
        Uts4jDispatcher.table = tenants;
        started = true;
    }

    /** Undoes {@link #install} after a failure: whatever was woven answers as the JDK again. */
    public static synchronized void uninstall() {
        Uts4jDispatcher.table = Uts4jTenants.EMPTY;
        Uts4jTasks.enabled = false;
        Uts4jDispatcher.services = null;
        started = false;
    }

    /** The JVM's real environment (the host's), whatever the calling thread is bound to. */
    public static Map<String, String> realEnvironment() {
        return Uts4jDispatcher.realEnvironment();
    }

    /** Whether an agent started here already (a second attach must be refused). */
    public static boolean started() {
        return started;
    }

    /** Replaces the tenants while the JVM runs; threads re-resolve on their next call. */
    public static void replace(Uts4jTenants tenants) {
        Uts4jDispatcher.table = tenants;
    }

    public static Uts4jTenants tenants() {
        return Uts4jDispatcher.table;
    }

    /** The bridge the public API calls. */
    public static Object newBridge() {
        return new Uts4jBridge();
    }

    /** Opens a frame of the host on the calling thread: agent code that must act past its own hooks. */
    public static AutoCloseable hostScope() {
        return Uts4jBinding.open(null);
    }

    /** Opens a frame of a tenant on the calling thread (the tenant's namespace threads run its tasks so). */
    public static AutoCloseable tenantScope(Uts4jTenant tenant) {
        return Uts4jBinding.open(tenant);
    }

    /** The calling thread's tenant, or null for the host. */
    public static Uts4jTenant currentTenant() {
        return Uts4jBinding.currentTenant(Uts4jDispatcher.table);
    }

    /** @throws SecurityException (counted) unless host code calls: for the agent's JMX operations */
    public static void requireHostCode(String what) {
        Uts4jBridge.requireHostCode(what);
    }

    /** Refused operations so far (tenants' code trying what only the host may do). */
    public static long refusals() {
        return Uts4jBridge.refusals();
    }

    /** Starts the thread that starts threads for namespace threads, from this (host) thread. */
    public static void startHostThreadStarter() {
        Uts4jHostStarter.startFromHost();
    }

    public static boolean isNamespaceThread(Thread t) {
        return t instanceof Uts4jNamespaceThread;
    }

    /**
     * Made in a privileged block of java.base's own: on JDK 17 a new thread keeps the access control
     * context of its maker's stack, whose protection domains hold their class loaders (a web
     * application's, when its request made the first launch) for the thread's whole life.
     */
    @SuppressWarnings("removal")
    public static Thread newNamespaceThread(Runnable task, String name) {
        return java.security.AccessController.doPrivileged(new java.security.PrivilegedAction<Thread>() {
            @Override
            public Thread run() {
                return new Uts4jNamespaceThread(task, name);
            }
        });
    }

    /**
     * Grants native access to a module of a layer the agent made (JDK 22+), so that it may load a
     * native library without a warning: {@code ModuleLayer.Controller.enableNativeAccess} demands
     * that its caller have native access itself, which java.base has. No-op before JDK 22.
     *
     * @return false when this JDK has no such method (before 22: nothing to grant)
     */
    public static boolean enableNativeAccess(ModuleLayer.Controller controller, Module module) throws Exception {
        Method m;
        try {
            m = ModuleLayer.Controller.class.getMethod("enableNativeAccess", Module.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
        try {
            m.invoke(controller, module);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
        }
        return true;
    }
}
