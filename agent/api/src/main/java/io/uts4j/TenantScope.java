package io.uts4j;

/**
 * A thread's binding to a tenant (or to the host) for the extent of a try-with-resources block.
 * Scopes nest; closing one restores what the thread was bound to before it opened (closing an outer
 * scope also closes any inner one left open). Must be closed by the thread that opened it.
 */
public final class TenantScope implements AutoCloseable {
    private final AutoCloseable frame;
    private final String tenantId;

    TenantScope(AutoCloseable frame, String tenantId) {
        this.frame = frame;
        this.tenantId = tenantId;
    }

    /** The tenant this scope binds to, or null for a scope of the host. */
    public String tenantId() { return tenantId; }

    /**
     * Restores the thread's previous binding; a second call does nothing.
     *
     * @throws IllegalStateException if called by another thread than the one that opened it
     */
    @Override
    public void close() {
        try {
            frame.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // the agent's frames throw nothing checked
            throw new IllegalStateException(e);
        }
    }
}
