package io.uts4j.it.apps;

import io.uts4j.TenantResolver;

/** A server integration's own rule: threads named {@code via-resolver-*} belong to alpha. */
public final class PrefixResolver implements TenantResolver {
    @Override
    public String tenantOf(Thread thread, ClassLoader contextClassLoader) {
        return thread.getName().startsWith("via-resolver") ? "alpha" : null;
    }
}
