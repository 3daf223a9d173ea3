package io.uts4j.it.webapp;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Tenant code moving a thread to another tenant, or to nobody, by what uts4j's rules look at: its
 * own thread's name and context class loader, and those of threads it creates. Each answers what
 * the thread sees afterwards ({@link TenantAttempts#whoAmI}). The other tenant's class loader is
 * taken from one of its threads, as any code can.
 */
final class RebindAttempts {
    static final List<String> ROUTES = List.of("rebind.renameToOther", "rebind.renameToNobody",
            "rebind.loaderOfOther", "rebind.loaderOfNobody", "rebind.newThreadNamedOther",
            "rebind.newNoInheritThreadNamedOther", "rebind.newThreadWithLoaderOfOther",
            "rebind.noInheritThreadRenamesItselfToOther");

    private RebindAttempts() {}

    static Object attempt(String route, String other) throws Exception {
        Thread self = Thread.currentThread();
        switch (route) {
            case "rebind.renameToOther":
                self.setName(other + "-1");
                return TenantAttempts.whoAmI();
            case "rebind.renameToNobody":
                self.setName("nobody-1");
                return TenantAttempts.whoAmI();
            case "rebind.loaderOfOther":
                self.setContextClassLoader(loaderOf(other));
                return TenantAttempts.whoAmI();
            case "rebind.loaderOfNobody":
                self.setContextClassLoader(new URLClassLoader("nobody", new URL[0], null));
                return TenantAttempts.whoAmI();
            case "rebind.newThreadNamedOther":
                return Outcome.onThread(r -> new Thread(r, other + "-2"), TenantAttempts::whoAmI);
            case "rebind.newNoInheritThreadNamedOther":
                return Outcome.onThread(r -> new Thread(null, r, other + "-3", 0, false), TenantAttempts::whoAmI);
            case "rebind.newThreadWithLoaderOfOther": {
                ClassLoader loader = loaderOf(other);
                return Outcome.onThread(r -> {
                    Thread t = new Thread(r, "made-by-tenant");
                    t.setContextClassLoader(loader);
                    return t;
                }, TenantAttempts::whoAmI);
            }
            case "rebind.noInheritThreadRenamesItselfToOther":
                return Outcome.onThread(CapabilityAttempts::noInherit, () -> {
                    Thread.currentThread().setName(other + "-5");
                    return TenantAttempts.whoAmI();
                });
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    /** The context class loader of the other tenant's resident thread ({@code <other>-resident}). */
    static ClassLoader loaderOf(String other) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(other + "-resident")) return t.getContextClassLoader();
        }
        throw new IllegalStateException("no thread " + other + "-resident");
    }
}
