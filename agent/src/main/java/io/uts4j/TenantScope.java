package io.uts4j;

import io.uts4j.bootstrap.ScopeFrame;

/**
 * A thread's binding to a tenant for the extent of a try-with-resources block. Scopes nest;
 * closing one restores what the thread was bound to before it opened (closing an outer scope
 * also closes any inner one left open). Must be closed by the thread that opened it.
 */
public final class TenantScope implements AutoCloseable {
    private final ScopeFrame frame;
    private final String tenantId;

    TenantScope(ScopeFrame frame, String tenantId) {
        this.frame = frame;
        this.tenantId = tenantId;
    }

    /** The tenant this scope binds to. */
    public String tenantId() { return tenantId; }

    /** Restores the thread's previous binding; a second call does nothing. */
    @Override
    public void close() {
        frame.close();
    }
}
