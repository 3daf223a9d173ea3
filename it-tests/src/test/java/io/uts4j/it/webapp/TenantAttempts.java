package io.uts4j.it.webapp;

import io.uts4j.Uts4j;
import java.net.InetAddress;
import java.util.List;

/**
 * Tenant code trying, one route at a time, to act as another tenant, to unbind itself or to
 * administer uts4j. It knows nothing but the public API and the JDK, so that a tenant's class
 * loader (a web application's, or one a test makes) can load its own copy. Each route is named
 * {@code <group>.<route>}; {@link #attempt} answers what came of it ({@link Outcome}).
 */
public final class TenantAttempts {
    /** The routes of each group, in the order a run tries them. */
    public static final List<String> CAPABILITY = CapabilityAttempts.ROUTES;
    public static final List<String> SCOPE = ScopeAttempts.ROUTES;
    public static final List<String> OWN = ScopeAttempts.OWN;
    public static final List<String> ADMIN = AdminAttempts.ROUTES;
    public static final List<String> INTERNALS = InternalsAttempts.ROUTES;
    public static final List<String> REBIND = RebindAttempts.ROUTES;

    private TenantAttempts() {}

    /**
     * @param route one of the groups' ROUTES, or {@code whoAmI}
     * @param other the tenant whose powers the attempt goes after
     */
    public static String attempt(String route, String other) {
        return Outcome.of(() -> {
            String group = route.substring(0, route.indexOf('.') < 0 ? route.length() : route.indexOf('.'));
            switch (group) {
                case "whoAmI": return whoAmI();
                case "control": return CapabilityAttempts.attempt(route);
                case "api": case "own": return ScopeAttempts.attempt(route, other);
                case "jmx": case "bridge": return AdminAttempts.attempt(route, other);
                case "hidden": return InternalsAttempts.attempt(route, other);
                case "rebind": return RebindAttempts.attempt(route, other);
                default: throw new IllegalArgumentException("no route " + route);
            }
        });
    }

    /** The calling thread's tenant (or "host") and the hostname the JDK tells it. */
    static String whoAmI() throws Exception {
        return Uts4j.currentTenant().orElse("host") + " " + InetAddress.getLocalHost().getHostName();
    }
}
