package io.uts4j.bootstrap;

import java.util.Iterator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one thread is bound to, and the caches that keep resolving it cheap.
 *
 * <p>Precedence, highest first: an open API scope; the custom resolver; a context-class-loader
 * rule; a thread-name rule; the tenant inherited from the thread that created this one; otherwise
 * the host. The rules' answer is cached until the thread's name or context class loader changes.
 * A thread created by a pool's thread factory or a {@link ForkJoinPool} inherits nothing (a
 * platform worker outlives the task that made it create it); virtual threads always inherit, as
 * they run exactly one task.
 */
final class ThreadBinding {
    /** Inheritable so that the JDK hands the creating thread's tenant to every new thread. */
    static final InheritableThreadLocal<ThreadBinding> LOCAL = new InheritableThreadLocal<>() {
        @Override
        protected ThreadBinding childValue(ThreadBinding parent) {
            // Runs in the creating thread, inside the Thread constructor: must never throw.
            try {
                if (parent == null) return null;
                Tenant t = parent.resolve(Dispatcher.table);
                if (t == null) return null;
                ThreadBinding child = new ThreadBinding();
                child.inherited = t;
                child.inheritedByPoolWorker = PoolThreads.isCreatingPoolWorker();
                child.inheritanceSettled = !child.inheritedByPoolWorker;
                return child;
            } catch (Throwable e) {
                return null;
            }
        }
    };

    ScopeFrame top;                 // innermost open API scope; its tenant null means "the host"
    private Tenant inherited;
    private boolean inheritedByPoolWorker;
    private boolean inheritanceSettled = true;
    private TenantTable seenTable;  // the table the caches below were computed against
    private String seenName;        // null: not computed; compared by identity (the same object until renamed)
    private ClassLoader seenLoader; // the context class loader the rule match was computed for
    private Tenant byRule;          // what the resolver, loader rules and name rules gave for them
    private boolean resolving;      // a resolver is running on this thread: it sees the host

    /** The calling thread's tenant, or null for the host. Cheap: no allocation once cached. */
    static Tenant current(TenantTable table) {
        ThreadBinding b = LOCAL.get();
        if (b == null) {
            if (!table.hasRules()) return null;
            b = new ThreadBinding();
            LOCAL.set(b);
        }
        return b.resolve(table);
    }

    /** The calling thread's binding, created if it has none yet. */
    static ThreadBinding ofCurrentThread() {
        ThreadBinding b = LOCAL.get();
        if (b == null) {
            b = new ThreadBinding();
            LOCAL.set(b);
        }
        return b;
    }

    /**
     * Must be called on the thread this binding belongs to. Precedence, highest first: an API scope;
     * the custom resolver; a loader rule; a thread-name rule; inheritance; the host.
     */
    Tenant resolve(TenantTable table) {
        ScopeFrame scope = top;
        if (scope != null) {
            Tenant t = scope.tenant; // a tenant removed while the scope is open: the host, as documented
            return t == null || table.contains(t) ? t : null;
        }
        if (resolving) return null;
        if (table != seenTable) {
            seenTable = table;
            seenName = null;
            if (!table.contains(inherited)) inherited = null; // the tenant was removed
        }
        if (table.hasRules()) {
            Thread thread = Thread.currentThread();
            String name = thread.getName();
            ClassLoader loader = table.loaderRules() ? thread.getContextClassLoader() : null;
            if (name != seenName || loader != seenLoader) {
                byRule = ruled(table, thread, name, loader);
                seenName = name;
                seenLoader = loader;
            }
            if (byRule != null) return byRule;
        }
        if (!inheritanceSettled) {
            // Decided here, on the new thread itself, because only it knows whether it is virtual.
            if (inheritedByPoolWorker && !PoolThreads.isVirtual(Thread.currentThread())) inherited = null;
            inheritanceSettled = true;
        }
        return inherited;
    }

    /** Precedence among rules: a custom resolver, then loader rules, then thread-name rules. */
    private Tenant ruled(TenantTable table, Thread thread, String name, ClassLoader loader) {
        io.uts4j.TenantResolver resolver = table.resolver();
        if (resolver != null) {
            resolving = true;
            try {
                String id = resolver.tenantOf(thread, loader);
                Tenant t = id == null ? null : table.get(id);
                if (t != null) return t;
            } catch (Throwable e) {
                ResolverFailures.report(resolver, e);
            } finally {
                resolving = false;
            }
        }
        if (loader != null) {
            Tenant t = table.matchLoader(loader);
            if (t != null) return t;
        }
        return table.matchThreadName(name);
    }

    /** Tells whether a thread is being created by a pool, from the frames of its creator. */
    static final class PoolThreads implements Function<Stream<StackWalker.StackFrame>, Boolean> {
        private static final StackWalker WALKER =
                StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        private static final PoolThreads SEARCH = new PoolThreads();
        private static final int FRAMES = 32; // a factory sits a few frames above Thread's constructor

        static boolean isCreatingPoolWorker() {
            return WALKER.walk(SEARCH);
        }

        @Override
        public Boolean apply(Stream<StackWalker.StackFrame> frames) {
            // A plain loop rather than stream lambdas: bootstrap code avoids invokedynamic.
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            for (int i = 0; i < FRAMES && it.hasNext(); i++) {
                if (isPoolClass(it.next().getDeclaringClass())) return Boolean.TRUE;
            }
            return Boolean.FALSE;
        }

        private static boolean isPoolClass(Class<?> c) {
            return ThreadFactory.class.isAssignableFrom(c)
                    || ForkJoinPool.class.isAssignableFrom(c)
                    || ForkJoinPool.ForkJoinWorkerThreadFactory.class.isAssignableFrom(c);
        }

        static boolean isVirtual(Thread t) {
            return t.getClass().getName().equals("java.lang.VirtualThread");
        }
    }
}
