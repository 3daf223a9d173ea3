package jdk.internal.misc;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one thread is bound to, and the caches that keep resolving it cheap.
 *
 * <p>Precedence, highest first: an open frame (an API scope, or work handed over from another
 * thread); the custom resolver; a context-class-loader rule; a thread-name rule (these three of
 * the upper tier); the tenant inherited from the thread that created this one; the rules of
 * tenants added at run time (the lower tier); otherwise the host. The rules' answer is cached until
 * the thread's name or context class loader changes. A change of either made by a tenant's code
 * does not move the thread: its rules' answer stays frozen until host code changes it again; and a
 * thread a tenant's code started, or whose name or loader it changed before the thread's first
 * identity call, is bound by a rule to that tenant only, whatever name or loader it was given. A
 * platform thread created by a pool's thread factory inherits nothing (a pool worker outlives the
 * task that made the pool create it), unless a thread-per-task executor asked for it — nor through
 * the context class loader it copies from its maker, which binds it by no loader rule until it is
 * set anew; virtual threads always inherit, as they run one task.
 */
public final class Uts4jBinding {
    /** Inheritable so that the JDK hands the creating thread's tenant to every new thread. */
    static final InheritableThreadLocal<Uts4jBinding> LOCAL = new Inheriting();
    /**
     * Threads whose name or context class loader a tenant's code chose last (it changed them, or it
     * started the thread), with that tenant ({@link Uts4jBridge#SOME_TENANT} where not known).
     */
    static final Uts4jWeakIdentityMap<Object> FROZEN = new Uts4jWeakIdentityMap<>();
    private static final WeakReference<ClassLoader> NO_LOADER = new WeakReference<>(null);

    /** Why a thread has the tenant it has: what a change to its name or loader may undo. */
    static final int HOST = 0, FRAME = 1, RESOLVER = 2, LOADER = 3, NAME = 4, INHERITED = 5;

    Frame top;                      // innermost open frame; its tenant null means "the host"
    private Uts4jTenant inherited;
    private boolean inheritedByPoolWorker;
    private boolean inheritanceSettled = true;
    /** A pool worker's context class loader as copied from the thread that made it: binds it by no loader rule until host code sets one. */
    private WeakReference<ClassLoader> bornWith = NO_LOADER;

    private Uts4jTenants seenTable;  // the table the caches below were computed against
    private String seenName;         // compared by identity: the same object until renamed
    private WeakReference<ClassLoader> seenLoader = NO_LOADER; // weakly: a web application's loader must be collectable
    private Uts4jTenant byUpperRule;
    private int upperSource;
    private Uts4jTenant byLowerRule;
    private int lowerSource;
    private Uts4jAnswers answers;    // the effective tenant's answers under seenTable, null for the host
    private int source;              // why: HOST, RESOLVER, LOADER, NAME, INHERITED
    private boolean resolving;       // rules are being evaluated on this thread: it sees the host meanwhile

    /** The calling thread's answers under the table, or null for the host. Cheap: no allocation once cached. */
    static Uts4jAnswers current(Uts4jTenants table) {
        Uts4jBinding b = LOCAL.get();
        if (b == null) {
            if (!table.hasRules) return null;
            b = new Uts4jBinding();
            LOCAL.set(b);
        }
        return b.resolve(table);
    }

    /** The calling thread's binding, created if it has none yet. */
    static Uts4jBinding ofCurrentThread() {
        Uts4jBinding b = LOCAL.get();
        if (b == null) {
            b = new Uts4jBinding();
            LOCAL.set(b);
        }
        return b;
    }

    /** Opens a frame on the calling thread; {@code tenant} null binds it to the host. */
    static Frame open(Uts4jTenant tenant) {
        Uts4jBinding b = ofCurrentThread();
        Frame f = new Frame(tenant, b.top, Thread.currentThread(), b);
        b.top = f;
        return f;
    }

    /** Host code sets the calling thread's context class loader: from now on it binds the thread, whatever it is. */
    static void loaderSetByHost() {
        Uts4jBinding b = LOCAL.get();
        if (b == null || b.bornWith == NO_LOADER) return;
        b.bornWith = NO_LOADER;
        b.seenLoader = NO_LOADER; // even set to the loader it had: the rules must look again
    }

    /** The calling thread's effective tenant, or null for the host. */
    static Uts4jTenant currentTenant(Uts4jTenants table) {
        Uts4jAnswers a = current(table);
        return a == null ? null : a.tenant;
    }

    /** Must be called on the thread this binding belongs to. */
    Uts4jAnswers resolve(Uts4jTenants table) {
        Frame f = top;
        if (f != null) return f.answers(table);
        return byRules(table);
    }

    /** The answers by the rules and inheritance alone, whatever frame is open. Must be called on this binding's thread. */
    Uts4jAnswers byRules(Uts4jTenants table) {
        if (table == seenTable && !resolving) {
            if (!table.hasRules) return answers;
            Thread thread = Thread.currentThread();
            if (thread.getName() == seenName
                    && (!table.loaderMatters || thread.getContextClassLoader() == seenLoader.get())) {
                return answers;
            }
        }
        return resolveAgain(table);
    }

    /** Why the calling thread has its tenant (call {@link #resolve} first): one of HOST ... INHERITED. */
    int source() {
        return top != null ? FRAME : source;
    }

    private Uts4jAnswers resolveAgain(Uts4jTenants table) {
        if (resolving) return null; // code run by the rules themselves (a resolver, a loader's name) sees the host
        Thread thread = Thread.currentThread();
        if (table != seenTable) {
            if (!table.contains(inherited)) inherited = null; // the tenant was removed
            if (seenTable != null && !table.contains(byUpperRule)) byUpperRule = null;
            if (seenTable != null && !table.contains(byLowerRule)) byLowerRule = null;
        }
        resolving = true;
        try {
            String name = thread.getName();
            ClassLoader loader = table.loaderMatters ? thread.getContextClassLoader() : null;
            boolean changed = table != seenTable || name != seenName || loader != seenLoader.get();
            // A change a tenant's code made keeps the thread where it was (see threadChanging).
            Object frozenBy = FROZEN.isEmpty() ? null : FROZEN.get(thread);
            // The loader a pool worker copied from its maker binds it by no loader rule (see bornWith).
            ClassLoader ruling = loader != null && loader == bornWith.get() ? null : loader;
            if (changed && (seenTable == null || frozenBy == null)) {
                upperSource = HOST;
                byUpperRule = table.hasRules ? ruled(table, table.upper(), thread, name, ruling, true) : null;
                byLowerRule = table.hasRules ? ruled(table, table.lower(), thread, name, ruling, false) : null;
                if (frozenBy != null) {
                    // Its first answer, from a name or loader a tenant's code chose: they bind it to that tenant only.
                    if (byUpperRule != frozenBy) byUpperRule = null;
                    if (byLowerRule != frozenBy) byLowerRule = null;
                }
            } else if (changed && table != seenTable && table.hasRules) {
                // Frozen, and the host changed the tenants: one added since may claim it by its rules, as any thread.
                int kept = upperSource;
                Uts4jTenant t = ruled(table, table.upper(), thread, name, ruling, true);
                if (t != null && !seenTable.contains(t)) byUpperRule = t; else upperSource = kept;
                kept = lowerSource;
                t = ruled(table, table.lower(), thread, name, ruling, false);
                if (t != null && !seenTable.contains(t)) byLowerRule = t; else lowerSource = kept;
            }
            seenTable = table;
            seenName = name;
            seenLoader = loader == null ? NO_LOADER : new WeakReference<>(loader);
        } finally {
            resolving = false;
        }
        if (!inheritanceSettled) {
            // Decided here, on the new thread itself, because only it knows whether it is virtual.
            if (inheritedByPoolWorker && !isVirtual(thread)) {
                inherited = null;
            } else {
                bornWith = NO_LOADER;
            }
            inheritanceSettled = true;
        }
        Uts4jTenant t;
        if (byUpperRule != null) {
            t = byUpperRule;
            source = upperSource;
        } else if (inherited != null) {
            t = inherited;
            source = INHERITED;
        } else if (byLowerRule != null) {
            t = byLowerRule;
            source = lowerSource;
        } else {
            t = null;
            source = HOST;
        }
        answers = table.answers(t);
        return answers;
    }

    /** Precedence among one tier's rules: the custom resolver (upper tier only), loader rules, name rules. */
    private Uts4jTenant ruled(Uts4jTenants table, Uts4jTenants.Tier tier, Thread thread, String name,
                              ClassLoader loader, boolean upper) {
        BiFunction<Thread, ClassLoader, String> resolver = upper ? table.resolver() : null;
        if (resolver != null) {
            try {
                Uts4jTenant t = table.get(resolver.apply(thread, loader));
                if (t != null) return source(upper, RESOLVER, t);
            } catch (Throwable e) {
                Uts4jDispatcher.resolverFailed(resolver, e);
            }
        }
        if (loader != null) {
            Uts4jTenant t = tier.matchLoader(loader);
            if (t != null) return source(upper, LOADER, t);
        }
        Uts4jTenant t = tier.matchName(name);
        return t == null ? null : source(upper, NAME, t);
    }

    private Uts4jTenant source(boolean upper, int why, Uts4jTenant t) {
        if (upper) {
            upperSource = why;
        } else {
            lowerSource = why;
        }
        return t;
    }

    /** What work handed over from this thread carries: its tenant, {@link Frame#HOST} for an explicit host, or null. */
    Object snapshot(Uts4jTenants table) {
        Frame f = top;
        if (f != null) {
            Uts4jAnswers a = f.answers(table);
            return a != null ? a.tenant : Frame.HOST;
        }
        Uts4jAnswers a = resolve(table);
        return a == null ? null : a.tenant;
    }

    /** One open frame on one thread's stack: an API scope, or work handed over from another thread. */
    public static final class Frame implements AutoCloseable {
        /** What a snapshot holds for "the host, explicitly". */
        static final Object HOST = new Object();

        final Uts4jTenant tenant; // null: explicitly the host
        private final Frame previous;
        private final Thread owner;
        private final Uts4jBinding binding;
        private boolean closed;
        private Uts4jTenants seen;
        private Uts4jAnswers answers;

        Frame(Uts4jTenant tenant, Frame previous, Thread owner, Uts4jBinding binding) {
            this.tenant = tenant;
            this.previous = previous;
            this.owner = owner;
            this.binding = binding;
        }

        /** The tenant's answers, or null for the host, or for a tenant removed while the frame is open. */
        Uts4jAnswers answers(Uts4jTenants table) {
            if (table != seen) {
                answers = table.answers(tenant);
                seen = table;
            }
            return answers;
        }

        /** Closes this frame and every frame opened after it on the same thread; a second call does nothing. */
        @Override
        public void close() {
            if (closed) return;
            if (Thread.currentThread() != owner) {
                Uts4jDispatcher.refused();
                throw new IllegalStateException(new StringBuilder("a uts4j scope must be closed by the thread that")
                        .append(" opened it (").append(owner).append("), not by ").append(Thread.currentThread())
                        .toString());
            }
            for (Frame f = binding.top; f != null && f != previous; f = f.previous) f.closed = true;
            binding.top = previous;
        }
    }

    private static boolean isVirtual(Thread t) {
        return t.getClass().getName().equals("java.lang.VirtualThread");
    }

    /** Hands a creating thread's tenant to the threads it creates, but for pool workers. */
    private static final class Inheriting extends InheritableThreadLocal<Uts4jBinding> {
        @Override
        protected Uts4jBinding childValue(Uts4jBinding parent) {
            // Runs in the creating thread, inside the Thread constructor: must never throw.
            try {
                if (parent == null) return null;
                Uts4jAnswers a = parent.resolve(Uts4jDispatcher.table);
                if (a == null) return null;
                Uts4jBinding child = new Uts4jBinding();
                child.inherited = a.tenant;
                child.inheritedByPoolWorker = PoolThreads.isCreatingPoolWorker();
                child.inheritanceSettled = !child.inheritedByPoolWorker;
                // A worker copies its maker's context class loader (a web application's, while it
                // serves a request): the pool's worker is no more that application's than its maker's
                // tenant's, now that its tasks carry their own (with propagate=off, as before).
                if (child.inheritedByPoolWorker && Uts4jTasks.enabled) {
                    child.bornWith = new WeakReference<>(Thread.currentThread().getContextClassLoader());
                }
                return child;
            } catch (Throwable e) {
                return null;
            }
        }
    }

    /**
     * Tells whether a thread is being created for a pool, from the frames of its creator (what
     * called Thread's constructor): a thread factory's {@code newThread}, or a JDK pool making its
     * worker, close below. A lambda factory's frame is the class that wrote it, so the pool's frame
     * under it tells; a task that makes a thread on a pool's worker has the pool's frames much
     * further down, and makes a thread like any other code. A thread that a thread-per-task
     * executor (JDK 21+) asks a factory for runs one task: it inherits.
     */
    static final class PoolThreads implements Function<Stream<StackWalker.StackFrame>, Boolean> {
        // Hidden frames too: a factory written as a lambda is a hidden class, and only its frame says ThreadFactory.
        private static final StackWalker WALKER = StackWalker.getInstance(java.util.EnumSet.of(
                StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));
        private static final PoolThreads SEARCH = new PoolThreads();
        /** How many of the creator's frames may lie above the pool's own (a lambda factory and what it calls). */
        private static final int CREATOR_FRAMES = 8;
        /** Thread's constructors and the inheritance that runs in them come first: a bound on those too. */
        private static final int MAX_FRAMES = 32;
        private static final String THREAD_PER_TASK = "java.util.concurrent.ThreadPerTaskExecutor";
        private static final String POOL_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";

        static boolean isCreatingPoolWorker() {
            return WALKER.walk(SEARCH);
        }

        @Override
        public Boolean apply(Stream<StackWalker.StackFrame> frames) {
            // A plain loop rather than stream lambdas: bootstrap code avoids invokedynamic.
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            boolean factory = false;
            int creatorFrames = 0;
            for (int i = 0; i < MAX_FRAMES && creatorFrames < CREATOR_FRAMES && it.hasNext(); i++) {
                StackWalker.StackFrame frame = it.next();
                Class<?> c = frame.getDeclaringClass();
                if (creatorFrames == 0 && isThreadCreation(c)) continue;
                creatorFrames++;
                String method = frame.getMethodName();
                if (c.getName().equals(THREAD_PER_TASK)) return Boolean.FALSE;
                if (method.equals("newThread") && isFactory(c)) {
                    factory = true;
                } else if (isPoolMakingWorker(c, method) || factory) {
                    return Boolean.TRUE; // a JDK pool, or whatever else called a factory
                }
            }
            return factory;
        }

        /** Thread's constructors (a subclass's too), inheritance, and uts4j's own frames. */
        private static boolean isThreadCreation(Class<?> c) {
            return Thread.class.isAssignableFrom(c) || c.getName().startsWith("java.lang.ThreadLocal")
                    || c.getName().startsWith("java.lang.ThreadBuilders") || c.getName().startsWith("jdk.internal.misc.Uts4j");
        }

        private static boolean isFactory(Class<?> c) {
            return ThreadFactory.class.isAssignableFrom(c) || ForkJoinPool.ForkJoinWorkerThreadFactory.class.isAssignableFrom(c);
        }

        private static boolean isPoolMakingWorker(Class<?> c, String method) {
            if (c.getName().equals(POOL_WORKER)) return method.equals("<init>");
            return ForkJoinPool.class.isAssignableFrom(c)
                    && (method.equals("createWorker") || method.equals("startDelayScheduler"));
        }
    }
}
