package jdk.internal.misc;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The agent's side of the public API: every API call arrives here as an operation name and its
 * arguments (JDK types only, so that any copy of the API, in any class loader, can call it), and
 * here it is decided who may do what.
 *
 * <p>Code running as a tenant may act only as that tenant. Anything beyond — a scope of another
 * tenant or of the host, work in another tenant's namespace, adding or removing tenants — needs the
 * host's capability, a token {@link #control} issues once, to host code only. A refusal throws a
 * {@link SecurityException} and is counted.
 */
public final class Uts4jBridge implements BiFunction<String, Object[], Object> {
    /** Refused operations, for JMX. */
    static final AtomicLong REFUSED = new AtomicLong(); // not a LongAdder: its class's start-up (VarHandles) costs a cold start, and refusals are rare
    /** Threads a tenant's code started, with that tenant ({@link #SOME_TENANT} where it is not known): never host code. */
    static final Uts4jWeakIdentityMap<Object> BORN_OF_TENANT = new Uts4jWeakIdentityMap<>();
    /** The tenant of code that is a tenant's, but not known to be which one's (a finalizer's). */
    static final Object SOME_TENANT = new Object();
    /** Per class loader (weakly): the tenant whose loader rule claims it, or NOT_A_TENANT. */
    private static final Uts4jWeakIdentityMap<Object[]> LOADER_OWNERS = new Uts4jWeakIdentityMap<>();
    private static final Object NOT_A_TENANT = new Object();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static Object issued; // guarded by Uts4jBridge.class

    static {
        Uts4jInstall.checkDefinedInJavaBase(Uts4jBridge.class);
    }

    Uts4jBridge() {}

    public static long refusals() {
        return REFUSED.get();
    }

    @Override
    public Object apply(String op, Object[] args) {
        Uts4jTenants tt = Uts4jDispatcher.table;
        switch (op) {
            case "current": {
                Uts4jTenant t = Uts4jBinding.currentTenant(tt);
                return t == null ? host() : new String[] {t.id(), t.hostname(), t.domainname()};
            }
            case "host":
                return host();
            case "enter": {
                Uts4jTenant t = tenant(tt, (String) args[0]);
                if (Uts4jBinding.currentTenant(tt) != t) {
                    throw refuse(new StringBuilder("Uts4j.enter(\"").append(t.id()).append("\") from ")
                            .append(who(tt)).append("; code running as a tenant may open scopes of its own tenant only,")
                            .append(" and host code needs the host's Uts4jControl").toString());
                }
                return Uts4jBinding.open(t);
            }
            case "propagate":
                return Uts4jTasks.propagating(args[0]);
            case "callInNamespace": {
                Uts4jTenant t = ownOrControlled(tt, args[0], (String) args[1], "callInNamespace");
                try {
                    return Uts4jDispatcher.services.callInNamespace(t, (Callable<?>) args[2]);
                } catch (Exception e) {
                    throw Uts4jBridge.<RuntimeException>sneaky(e);
                }
            }
            case "kernelNames":
                return Uts4jDispatcher.services.kernelNames(ownOrControlled(tt, args[0], (String) args[1], "kernelIdentity"));
            case "inode":
                return Uts4jDispatcher.services.inode(ownOrControlled(tt, args[0], (String) args[1], "namespaceInode"));
            case "control":
                return control(tt);
            case "tenants": {
                controlled(args[0], "tenants");
                String[] ids = new String[tt.tenants().size()];
                int i = 0;
                for (Uts4jTenant t : tt.tenants()) ids[i++] = t.id();
                return ids;
            }
            case "enterAs": {
                controlled(args[0], "enter");
                return Uts4jBinding.open(args[1] == null ? null : tenant(tt, (String) args[1]));
            }
            case "addTenant": {
                controlled(args[0], "addTenant");
                @SuppressWarnings("unchecked")
                Map<String, String> settings = (Map<String, String>) args[2];
                Uts4jDispatcher.services.addTenant((String) args[1], settings);
                return null;
            }
            case "removeTenant":
                controlled(args[0], "removeTenant");
                Uts4jDispatcher.services.removeTenant((String) args[1]);
                return null;
            default:
                throw new IllegalArgumentException("uts4j: unknown operation " + op + "; is this uts4j-api newer than the agent?");
        }
    }

    private static String[] host() {
        return new String[] {null, Uts4jHost.hostname(), Uts4jHost.domainname()};
    }

    private static Uts4jTenant tenant(Uts4jTenants tt, String id) {
        Uts4jTenant t = tt.get(id);
        if (t == null) {
            StringBuilder ids = new StringBuilder();
            for (Uts4jTenant each : tt.tenants()) ids.append(ids.length() == 0 ? "" : ", ").append(each.id());
            throw new IllegalArgumentException(new StringBuilder("no tenant '").append(id).append("'")
                    .append(tt.isEmpty() ? ": the uts4j agent has no tenants" : "; tenants: " + ids).toString());
        }
        return t;
    }

    /** The tenant, if the caller holds the host's capability or runs as that very tenant. */
    private static Uts4jTenant ownOrControlled(Uts4jTenants tt, Object token, String id, String what) {
        Uts4jTenant t = tenant(tt, id);
        if (token != null) {
            controlled(token, what);
        } else if (Uts4jBinding.currentTenant(tt) != t) {
            throw refuse(new StringBuilder("Uts4j.").append(what).append("(\"").append(id).append("\") from ")
                    .append(who(tt)).append("; a tenant's code may ask for its own tenant only, and host code")
                    .append(" needs the host's Uts4jControl").toString());
        }
        return t;
    }

    private static void controlled(Object token, String what) {
        Object granted;
        synchronized (Uts4jBridge.class) {
            granted = issued;
        }
        if (token == null || token != granted) {
            throw refuse(new StringBuilder(what).append(" needs the host's Uts4jControl (Uts4j.control())").toString());
        }
    }

    private static Object control(Uts4jTenants tt) {
        synchronized (Uts4jBridge.class) {
            if (issued != null) {
                throw refuse("Uts4j.control() was called before: the host's capability is issued once;"
                        + " pass the Uts4jControl you got to whatever host code needs it");
            }
            if (isTenantCode(tt)) {
                throw refuse(new StringBuilder("Uts4j.control() from ").append(who(tt))
                        .append("; the host's capability is issued to host code only").toString());
            }
            issued = new Object();
            return issued;
        }
    }

    /** Refuses a JMX or other agent-side operation unless host code calls it. */
    static void requireHostCode(String what) {
        Uts4jTenants tt = Uts4jDispatcher.table;
        if (isTenantCode(tt)) {
            throw refuse(new StringBuilder(what).append(" from ").append(who(tt))
                    .append("; only host code may administer uts4j").toString());
        }
    }

    private static String who(Uts4jTenants tt) {
        Uts4jTenant t = Uts4jBinding.currentTenant(tt);
        StringBuilder b = new StringBuilder("thread '").append(Thread.currentThread().getName()).append('\'');
        return t == null ? b.append(" (tenant code)").toString()
                : b.append(" of tenant '").append(t.id()).append('\'').toString();
    }

    static SecurityException refuse(String message) {
        REFUSED.incrementAndGet();
        return new SecurityException("uts4j: refused: " + message);
    }

    /**
     * Whether the calling code is a tenant's: the thread is bound to a tenant (see
     * {@link #tenantOfBoundThread}), a tenant's code started the thread, it is the JDK's finalizer
     * thread, or a tenant's classes are on its stack.
     */
    static boolean isTenantCode(Uts4jTenants tt) {
        Uts4jBinding b = bindingOfCurrentThread(tt);
        Uts4jAnswers a = b == null ? null : b.resolve(tt);
        if (a != null) return tenantOfBoundThread(tt, b, a) != null;
        Thread self = Thread.currentThread();
        return BORN_OF_TENANT.get(self) != null || runsFinalizers(self) || tenantClassOnStack(tt) != null;
    }

    /**
     * The tenant whose code changes a thread's name or context class loader, or null for host code.
     * A server switches loaders between requests on threads its loader rules or its resolver bind,
     * and on pool workers made while a tenant's request ran: there only a tenant's class on the
     * stack makes the change a tenant's, whatever the thread is bound to or was started by — but
     * for a thread started by a tenant that no loader rule and no resolver tells apart.
     */
    static Object tenantChangingThread(Uts4jTenants tt) {
        Uts4jBinding b = bindingOfCurrentThread(tt);
        Uts4jAnswers a = b == null ? null : b.resolve(tt);
        if (a != null) {
            int why = b.source();
            return why == Uts4jBinding.LOADER || why == Uts4jBinding.RESOLVER ? tenantClassOnStack(tt) : a.tenant;
        }
        Thread self = Thread.currentThread();
        Object born = BORN_OF_TENANT.isEmpty() ? null : BORN_OF_TENANT.get(self);
        if (born == null) return runsFinalizers(self) ? SOME_TENANT : null;
        if (born == SOME_TENANT || tt.resolver() == null && !tt.hasLoaderRule((Uts4jTenant) born)) return born;
        return tenantClassOnStack(tt);
    }

    /**
     * The tenant whose code is calling, for a thread it starts: the calling thread's tenant (bound by
     * any means), the one whose code started the calling thread, {@link #SOME_TENANT} in a finalizer,
     * or the one whose class is on the stack; null for host code.
     */
    static Object tenantOfCallingCode(Uts4jTenants tt) {
        Uts4jBinding b = bindingOfCurrentThread(tt);
        Uts4jAnswers a = b == null ? null : b.resolve(tt);
        if (a != null) return a.tenant;
        Thread self = Thread.currentThread();
        Object born = BORN_OF_TENANT.get(self);
        if (born != null) return born;
        if (runsFinalizers(self)) return SOME_TENANT;
        return tenantClassOnStack(tt);
    }

    /**
     * Whose code runs on a thread bound to a tenant: the tenant's, but where only its context class
     * loader or the resolver binds it (a server switching loaders between requests runs its own
     * code there too), only a tenant's class on the stack makes it a tenant's — where loader rules
     * can tell tenants' classes apart at all; where none can, the resolver's tenant's.
     */
    private static Object tenantOfBoundThread(Uts4jTenants tt, Uts4jBinding b, Uts4jAnswers a) {
        int why = b.source();
        if (why == Uts4jBinding.LOADER) return tenantClassOnStack(tt);
        if (why == Uts4jBinding.RESOLVER && canTellTenantsClasses(tt)) return tenantClassOnStack(tt);
        return a.tenant;
    }

    private static boolean canTellTenantsClasses(Uts4jTenants tt) {
        return tt.upper().loaders != Uts4jRules.NONE || tt.lower().loaders != Uts4jRules.NONE;
    }

    /** The JDK's finalizer thread runs any object's finalize(), a tenant's too: it is never host code. */
    private static boolean runsFinalizers(Thread t) {
        return t.getClass().getName().equals("java.lang.ref.Finalizer$FinalizerThread");
    }

    /**
     * The calling thread's binding, or null when nothing can bind it. A thread that only a rule
     * binds has none until its first identity call: it is made here, or such a thread would pass
     * for the host's until then.
     */
    static Uts4jBinding bindingOfCurrentThread(Uts4jTenants tt) {
        return tt.hasRules ? Uts4jBinding.ofCurrentThread() : Uts4jBinding.LOCAL.get();
    }

    /** The tenant of the first class of a tenant's loader on the stack, or null. */
    private static Uts4jTenant tenantClassOnStack(Uts4jTenants tt) {
        if (!canTellTenantsClasses(tt)) return null;
        return WALKER.walk(new StackSearch(tt));
    }

    /** The tenant a class loader is one of (its loader rule matches it or a parent), or null. */
    private static Uts4jTenant tenantOfLoader(Uts4jTenants tt, ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getSystemClassLoader()
                || loader == ClassLoader.getPlatformClassLoader()) {
            return null;
        }
        Object[] known = LOADER_OWNERS.get(loader);
        if (known != null && known[0] == tt) return known[1] == NOT_A_TENANT ? null : (Uts4jTenant) known[1];
        Uts4jTenant t = tt.upper().matchLoader(loader);
        if (t == null) t = tt.lower().matchLoader(loader);
        LOADER_OWNERS.put(loader, new Object[] {tt, t == null ? NOT_A_TENANT : t});
        return t;
    }

    /** Looks for a class of a tenant's loader on the stack. A class, not a lambda: bootstrap code avoids invokedynamic. */
    private static final class StackSearch implements Function<Stream<StackWalker.StackFrame>, Uts4jTenant> {
        private final Uts4jTenants tt;

        StackSearch(Uts4jTenants tt) {
            this.tt = tt;
        }

        @Override
        public Uts4jTenant apply(Stream<StackWalker.StackFrame> frames) {
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            while (it.hasNext()) {
                Uts4jTenant t = tenantOfLoader(tt, it.next().getDeclaringClass().getClassLoader());
                if (t != null) return t;
            }
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
