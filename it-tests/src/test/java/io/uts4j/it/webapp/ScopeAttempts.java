package io.uts4j.it.webapp;

import io.uts4j.TenantScope;
import io.uts4j.Uts4j;
import java.util.List;

/**
 * Tenant code using the public API on another tenant ({@code api.*}), each of which must be
 * refused, and on its own tenant ({@code own.*}), which must work: the line is drawn by tenant,
 * not around the API as a whole.
 */
final class ScopeAttempts {
    static final List<String> ROUTES = List.of("api.enter", "api.callAs", "api.runAs", "api.callInNamespace",
            "api.kernelIdentity", "api.namespaceInode", "api.control");
    static final List<String> OWN = List.of("own.enter", "own.callInNamespace", "own.kernelIdentity",
            "own.namespaceInode");

    private ScopeAttempts() {}

    static Object attempt(String route, String other) throws Exception {
        String own = Uts4j.currentTenant().orElse(null);
        switch (route) {
            case "api.enter":
                return entered(other);
            case "api.callAs":
                return Uts4j.callAs(other, TenantAttempts::whoAmI);
            case "api.runAs": {
                String[] seen = new String[1];
                Uts4j.runAs(other, () -> seen[0] = Uts4j.currentTenant().orElse("host"));
                return "ran as " + seen[0];
            }
            case "api.callInNamespace":
                return Uts4j.callInNamespace(other, TenantAttempts::whoAmI);
            case "api.kernelIdentity":
                return Uts4j.kernelIdentity(other);
            case "api.namespaceInode":
                return Uts4j.namespaceInode(other);
            case "api.control":
                return Uts4j.control();
            case "own.enter":
                return entered(own);
            case "own.callInNamespace":
                return Uts4j.callInNamespace(own, TenantAttempts::whoAmI);
            case "own.kernelIdentity":
                return Uts4j.kernelIdentity(own).map(i -> i.hostname()).orElse("none");
            case "own.namespaceInode":
                return Uts4j.namespaceInode(own).isPresent() ? "an inode" : "none";
            default:
                throw new IllegalArgumentException("no route " + route);
        }
    }

    private static String entered(String tenant) throws Exception {
        try (TenantScope scope = Uts4j.enter(tenant)) {
            return "entered " + TenantAttempts.whoAmI();
        }
    }
}
